import { APIError } from 'better-auth/api';
import type { AppError } from '../http/app-error.ts';

/**
 * Awaits a better-auth call, turning its refusals (4xx: wrong password, wrong code) into our error;
 * its failures (5xx, database errors) pass through to the error handler unchanged.
 */
export async function refusedAs<T>(call: Promise<T>, refusal: () => AppError): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) throw refusal();
    throw error;
  }
}
