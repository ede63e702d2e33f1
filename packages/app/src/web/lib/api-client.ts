import type { ErrorCode, ErrorResponse } from '../../contract/errors.ts';

export type ApiErrorCode = ErrorCode | 'network_error' | 'unexpected_response';
export type ApiErrorDetail = { field: string; message: string };

/** Every failed request becomes one of these, whatever went wrong. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: ApiErrorDetail[];
  /** From the Retry-After header of a 429, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    status: number;
    code: ApiErrorCode;
    message: string;
    details?: ApiErrorDetail[];
    retryAfterSeconds?: number | undefined;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | undefined | null;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  // Every mutation but DELETE sends JSON, even an empty object: the server refuses other content types.
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Peerpath could not be reached. Check your connection and try again.',
    });
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  const error = (payload as Partial<ErrorResponse> | undefined)?.error;
  throw new ApiError({
    status: response.status,
    code: error?.code ?? 'unexpected_response',
    message: error?.message ?? `Something went wrong (status ${response.status}). Try again.`,
    details: error?.details,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
