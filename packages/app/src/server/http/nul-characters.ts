import type { FastifyInstance } from 'fastify';
import { validationFailed } from './app-error.ts';

/** The dotted path of the first string holding a NUL character, which PostgreSQL cannot store in text. */
export function findNulCharacter(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(root)' : undefined;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key].join('.');
      const found = findNulCharacter(inner, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Refuses NUL characters anywhere in params, query or body with a 400 naming the field. */
export function registerNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [location, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const field = findNulCharacter(value);
      if (field !== undefined) {
        const named = location === 'body' ? field : `${location}${field === '(root)' ? '' : `.${field}`}`;
        throw validationFailed([
          { field: named, message: 'Remove the invisible NUL character from this text.' },
        ]);
      }
    }
  });
}
