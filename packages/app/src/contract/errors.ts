import { z } from 'zod';

/** Stable error codes. Clients branch on these, never on messages. */
export const errorCodes = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'body_too_large',
  'unauthenticated',
  'two_factor_required',
  'two_factor_enrolment_required',
  'invalid_credentials',
  'invalid_code',
  'forbidden',
  'not_found',
  'conflict',
  'too_many_requests',
  'origin_not_allowed',
  'service_unavailable',
  'database_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorDetail = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. "siteIds.0"'),
  message: z.string(),
});

export const errorResponse = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.array(errorDetail).optional(),
      requestId: z.string().optional(),
    }),
  })
  .describe('The one error shape every route answers with');
export type ErrorResponse = z.infer<typeof errorResponse>;
