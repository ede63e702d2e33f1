import type { ErrorResponse } from '../../contract/errors.ts';
import { ApiError } from './api-client.ts';

/**
 * Fetches an export and hands it to the browser as a download, so that a refusal shows as a message
 * on the page rather than as a JSON error page. The server audits every export.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<{ fileName: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Peerpath could not be reached. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => undefined)) as Partial<ErrorResponse> | undefined)
      ?.error;
    throw new ApiError({
      status: response.status,
      code: error?.code ?? 'unexpected_response',
      message: error?.message ?? `Something went wrong (status ${response.status}). Try again.`,
      details: error?.details,
    });
  }
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { fileName };
}
