import { createHmac, timingSafeEqual } from 'node:crypto';

type SignedDelivery = { token: string; triggeredAt: number; signature: string };

/**
 * Lever's webhook signature (lever-api.md §5.3): HMAC-SHA256 keyed with the webhook's signature
 * token (its UTF-8 bytes) over `token + triggeredAt`, lowercase hex in the body's `signature`.
 * Compared in constant time; returns the index of the token that produced it, or -1. Each webhook
 * has its own token, so the index also says which webhook (and event) delivered it.
 */
export function matchingSignatureToken(
  signatureTokens: readonly string[],
  delivery: SignedDelivery,
): number {
  if (!/^[0-9a-f]{64}$/.test(delivery.signature)) return -1;
  const given = Buffer.from(delivery.signature, 'hex');
  let matched = -1;
  signatureTokens.forEach((key, index) => {
    const expected = createHmac('sha256', key)
      .update(`${delivery.token}${delivery.triggeredAt}`)
      .digest();
    // Every token is tried (no early exit): the time taken does not tell which one matched.
    if (timingSafeEqual(expected, given) && matched === -1) matched = index;
  });
  return matched;
}

/** True when any of `signatureTokens` produced the delivery's signature. */
export function leverSignatureMatches(
  signatureTokens: readonly string[],
  delivery: SignedDelivery,
): boolean {
  return matchingSignatureToken(signatureTokens, delivery) !== -1;
}
