import { createHash, randomBytes } from 'node:crypto';

/**
 * A check-in link's token: 256 random bits, sent in the URL fragment (`/c#<token>`) so it never
 * reaches a server log or a Referer header. Only its SHA-256 hash is stored.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const linkFor = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/c#${token}`;
