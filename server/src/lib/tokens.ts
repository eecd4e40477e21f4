import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token, URL-safe (for session ids, invitation and survey links). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a database dump cannot open a session or a link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
