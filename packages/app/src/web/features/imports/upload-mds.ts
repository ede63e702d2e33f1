import type { ErrorResponse } from '../../../contract/errors.ts';
import type { ImportProgress } from '../../../contract/imports.ts';
import { ApiError, api } from '../../lib/api-client.ts';

export type UploadProgress = { loaded: number; total: number };

/**
 * Sends the two files of an MDS import as multipart/form-data. XMLHttpRequest rather than fetch,
 * because only it reports how much of the body has gone (fetch has no upload progress).
 */
export function uploadMdsImport(
  siteId: string,
  files: { referrals: File; contacts: File },
  onProgress: (progress: UploadProgress) => void,
): Promise<{ id: string }> {
  const body = new FormData();
  body.append('referrals', files.referrals, files.referrals.name);
  body.append('contacts', files.contacts, files.contacts.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/sites/${encodeURIComponent(siteId)}/imports/mds`);
    request.setRequestHeader('accept', 'application/json');
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    request.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network_error',
          message: 'Peerpath could not be reached. Check your connection and try again.',
        }),
      );
    request.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = undefined;
      }
      if (request.status === 202) {
        resolve(payload as { id: string });
        return;
      }
      const error = (payload as Partial<ErrorResponse> | undefined)?.error;
      const retryAfter = Number(request.getResponseHeader('retry-after'));
      reject(
        new ApiError({
          status: request.status,
          code: error?.code ?? 'unexpected_response',
          message: error?.message ?? `Something went wrong (status ${request.status}). Try again.`,
          details: error?.details,
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        }),
      );
    };
    request.send(body);
  });
}

export const importProgressQueryOptions = (importId: string) => ({
  queryKey: ['imports', importId] as const,
  queryFn: () => api.get<ImportProgress>(`/api/imports/${encodeURIComponent(importId)}`),
  // Poll twice a second until the import has finished.
  refetchInterval: (query: { state: { data?: ImportProgress | undefined } }) =>
    query.state.data?.phase === 'done' || query.state.data?.phase === 'failed' ? false : 500,
  staleTime: 0,
});
