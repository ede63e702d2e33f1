import type { ErrorResponse } from '../../../contract/errors.ts';
import { ApiError } from '../../lib/api-client.ts';

/** The file name the server gave in Content-Disposition, or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Fetches a CSV export and hands it to the browser as a download. Done with fetch rather than a
 * plain link so that a refusal shows as a message on the page, not as a JSON error page.
 */
export async function downloadCsv(path: string, fallbackName: string): Promise<{ fileName: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'text/csv' } });
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
  const fileName = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { fileName };
}
