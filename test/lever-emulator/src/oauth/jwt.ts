import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens are JWTs shaped like Lever's sample (header `alg: HS512`, `kid`, `v: "2.0"`).
 * Each environment (production / sandbox) has its own key, so a token from the other one is refused
 * with Lever's "Unable to find a signing key that matches" error.
 */
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export const signingKeyId = (environment: string): string => `lever-emulator-${environment}`;
const signingSecret = (environment: string): string =>
  `lever-emulator-${environment}-signing-secret`;

export function signJwt(environment: string, claims: Record<string, unknown>): string {
  const header = { alg: 'HS512', typ: 'JWT', kid: signingKeyId(environment), v: '2.0' };
  const unsigned = `${b64(header)}.${b64(claims)}`;
  const signature = createHmac('sha512', signingSecret(environment))
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

export type JwtCheck =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'foreign-key' | 'bad-signature' };

export function verifyJwt(environment: string, token: string): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header64 = '', claims64 = '', signature = ''] = parts;
  let header: { kid?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8')) as { kid?: unknown };
    claims = JSON.parse(Buffer.from(claims64, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (header.kid !== signingKeyId(environment)) return { ok: false, reason: 'foreign-key' };
  const expected = Buffer.from(
    createHmac('sha512', signingSecret(environment))
      .update(`${header64}.${claims64}`)
      .digest('base64url'),
  );
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'bad-signature' };
  }
  return { ok: true, claims };
}
