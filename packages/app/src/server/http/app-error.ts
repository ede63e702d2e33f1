import type { ErrorCode } from '../../contract/errors.ts';

export type ErrorDetail = { field: string; message: string };

/** The one error type. Its code is stable; its message is for people and never holds personal data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'record') =>
  new AppError('not_found', 404, `No such ${what}, or you may not see it.`);
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Sign in to continue.');
export const forbidden = () => new AppError('forbidden', 403, 'Your role does not allow this.');
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new AppError('conflict', 409, message, details);
export const validationFailed = (details: ErrorDetail[]) =>
  new AppError(
    'validation_failed',
    400,
    'Some of the information is not valid. Check each field named in details.',
    details,
  );
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(
    'too_many_requests',
    429,
    `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
    undefined,
    {
      'retry-after': String(retryAfterSeconds),
    },
  );
export const serviceUnavailable = (
  code: 'service_unavailable' | 'database_unavailable',
  retryAfterSeconds = 5,
) =>
  new AppError(
    code,
    503,
    code === 'database_unavailable'
      ? 'The database is not reachable just now. Try again shortly.'
      : 'Peerpath is busy just now. Try again shortly.',
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
