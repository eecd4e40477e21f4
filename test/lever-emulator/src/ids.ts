import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Lever object ids are lowercase UUID v4 strings. */
export const newId = (): string => randomUUID();

/** 48 lowercase hex characters, the shape of Lever's webhook signature tokens and delivery tokens. */
export const newHexToken = (): string => randomBytes(24).toString('hex');

/** Opaque random string for codes, sessions and API keys. */
export const newOpaque = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/** Short stable id for a secret (used in counters so secrets never appear in control output). */
export const fingerprint = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex').slice(0, 16);
