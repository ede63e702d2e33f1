import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../contract/errors.ts';
import { isDatabaseUnavailable } from '../db/database-errors.ts';
import { AppError, type ErrorDetail, serviceUnavailable, validationFailed } from './app-error.ts';

function fieldPath(path: readonly PropertyKey[] | undefined, location?: string): string {
  const dotted = (path ?? []).map(String).join('.');
  return location && location !== 'body' ? `${location}${dotted ? `.${dotted}` : ''}` : dotted || '(root)';
}

/** Turns any thrown error into the one error shape. 5xx bodies say nothing about the cause. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as FastifyError).validationContext;
    const details: ErrorDetail[] = error.validation.map((issue) => {
      const params = issue.params as { issue?: { path?: PropertyKey[]; code?: string; keys?: string[] } };
      const zodIssue = params.issue;
      if (zodIssue?.code === 'unrecognized_keys' && zodIssue.keys) {
        return {
          field: fieldPath([...(zodIssue.path ?? []), ...zodIssue.keys], location),
          message: `Unknown field. Remove it: only the documented fields are accepted.`,
        };
      }
      return {
        field: fieldPath(zodIssue?.path, location),
        message: issue.message ?? 'This value is not valid.',
      };
    });
    return validationFailed(details);
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 400, 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', 413, 'The request body is larger than 256 KiB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type', 415, 'Send the body as application/json.');
    case 'FST_ERR_VALIDATION':
      return validationFailed([{ field: '(root)', message: fastifyError.message }]);
  }
  if (fastifyError.statusCode === 413)
    return new AppError('body_too_large', 413, 'The request body is too large.');
  if (fastifyError.statusCode === 415)
    return new AppError('unsupported_media_type', 415, 'Send the body as application/json.');
  if (fastifyError.statusCode === 400 && /JSON|prototype|constructor/i.test(fastifyError.message)) {
    return new AppError('malformed_json', 400, 'The request body is not valid JSON.');
  }
  if (isDatabaseUnavailable(error)) return serviceUnavailable('database_unavailable');
  return new AppError('internal_error', 500, 'Something went wrong on our side. It has been logged.');
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.statusCode >= 500) {
      // Log the kind of failure and where, never its message: driver messages can quote the data.
      request.log.error(
        {
          err: { type: error.name, code: (error as FastifyError).code, stack: stackFrames(error) },
          serialization: isResponseSerializationError(error) || undefined,
        },
        `request failed: ${appError.code}`,
      );
    }
    const body: ErrorResponse = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
        ...(appError.statusCode >= 500 ? { requestId: request.id } : {}),
      },
    };
    if (appError.headers) void reply.headers(appError.headers);
    return reply.status(appError.statusCode).type('application/json').send(body);
  });

  app.setNotFoundHandler((_request, reply) => {
    const body: ErrorResponse = { error: { code: 'not_found', message: 'No such address.' } };
    return reply.status(404).send(body);
  });
}

/** The stack without its first line, which repeats the (possibly data-bearing) message. */
function stackFrames(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1, 12).join('\n');
}
