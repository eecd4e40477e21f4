import { createHmac, timingSafeEqual } from 'node:crypto';

/** Lever's webhook signature: HMAC-SHA256 keyed with the webhook's token over `token + triggeredAt`. */
export function signDelivery(signatureToken: string, token: string, triggeredAt: number): string {
  return createHmac('sha256', signatureToken).update(`${token}${triggeredAt}`).digest('hex');
}

/** Receiver-side check, as docs/lever-api.md §5.3 prescribes (constant-time compare). */
export function verifyDelivery(
  signatureToken: string,
  body: { token?: unknown; triggeredAt?: unknown; signature?: unknown },
): boolean {
  if (typeof body.token !== 'string' || typeof body.triggeredAt !== 'number') return false;
  const expected = Buffer.from(signDelivery(signatureToken, body.token, body.triggeredAt));
  const actual = Buffer.from(String(body.signature ?? ''));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
