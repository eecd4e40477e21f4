import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Lever's webhook signature (lever-api.md §5.3): HMAC-SHA256 keyed with the webhook's signature
 * token (its UTF-8 bytes) over `token + triggeredAt`, lowercase hex in the body's `signature`.
 * Compared in constant time; true when any of `signatureTokens` produced it.
 */
export function leverSignatureMatches(
  signatureTokens: readonly string[],
  delivery: { token: string; triggeredAt: number; signature: string },
): boolean {
  if (!/^[0-9a-f]{64}$/.test(delivery.signature)) return false;
  const given = Buffer.from(delivery.signature, 'hex');
  let matched = false;
  for (const key of signatureTokens) {
    const expected = createHmac('sha256', key)
      .update(`${delivery.token}${delivery.triggeredAt}`)
      .digest();
    // Every token is tried (no early exit): the time taken does not tell which one matched.
    if (timingSafeEqual(expected, given)) matched = true;
  }
  return matched;
}
