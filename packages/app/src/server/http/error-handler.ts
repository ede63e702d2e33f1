import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../contract/errors.ts';
import { constraintOf, isDatabaseUnavailable, sqlState } from '../db/database-errors.ts';
import { AppError, conflict, type ErrorDetail, serviceUnavailable, validationFailed } from './app-error.ts';

/** Unique constraints whose violation means "someone else already uses this value". */
const uniqueFields: Record<string, string> = {
  sites_organisation_name_unique: 'name',
  users_email_unique: 'email',
};

function fieldPath(path: readonly PropertyKey[] | undefined, location?: string): string {
  const dotted = (path ?? []).map(String).join('.');
  return location && location !== 'body' ? `${location}${dotted ? `.${dotted}` : ''}` : dotted || '(root)';
}

/** Turns any thrown error into the one error shape. 5xx bodies say nothing about the cause. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as FastifyError).validationContext;
    const details: ErrorDetail[] = error.validation.flatMap((issue) => {
      // The provider reports the path as a JSON pointer ("/siteIds/0") and the Zod code as `keyword`.
      const path = (issue.instancePath ?? '').split('/').filter(Boolean);
      const keys = (issue.params as { keys?: unknown }).keys;
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return keys.map((key) => ({
          field: fieldPath([...path, String(key)], location),
          message: 'Unknown field. Remove it: only the documented fields are accepted.',
        }));
      }
      return [{ field: fieldPath(path, location), message: issue.message ?? 'This value is not valid.' }];
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
  if (sqlState(error) === '23505') {
    // A race past a service's own "already exists" check: same answer as the check gives.
    const field = uniqueFields[constraintOf(error) ?? ''];
    return conflict(
      'That already exists.',
      field ? [{ field, message: 'Choose a value nothing else uses.' }] : undefined,
    );
  }
  return new AppError('internal_error', 500, 'Something went wrong on our side. It has been logged.');
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.statusCode >= 500) {
      // Log the kind of failure and where, never its message: driver messages can quote the data.
      request.log.error(
        {
          failure: { type: error.name, code: (error as FastifyError).code, stack: stackFrames(error) },
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

/** Only the stack's frames: the message lines above them can quote the data (a failed query's params). */
function stackFrames(error: Error): string | undefined {
  return error.stack
    ?.split('\n')
    .filter((line) => line.startsWith('    at '))
    .slice(0, 12)
    .join('\n');
}
