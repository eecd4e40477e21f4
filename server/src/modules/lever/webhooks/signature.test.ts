import { describe, expect, test } from 'vitest';
import { leverSignatureMatches } from './signature.ts';

// The test vector of lever-api.md §5.3.
const key = '5f0c2a9e8d7b6a5f4e3d2c1b0a99887766554433221100ff';
const delivery = {
  token: '0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef',
  triggeredAt: 1718000000123,
  signature: '58ddd3d1c705e864c331b7515f6b4c35f9349aba4d4035eefd52d747a52d9f25',
};

describe('leverSignatureMatches', () => {
  test("Lever's test vector verifies, with the right key among others", () => {
    expect(leverSignatureMatches([key], delivery)).toBe(true);
    expect(leverSignatureMatches(['other-token', key], delivery)).toBe(true);
  });

  test.each([
    ['no tokens', [], delivery],
    ['a wrong key', ['x'.repeat(48)], delivery],
    ['another triggeredAt', [key], { ...delivery, triggeredAt: delivery.triggeredAt + 1 }],
    ['another token', [key], { ...delivery, token: delivery.token.replace('0', '1') }],
    ['uppercase hex', [key], { ...delivery, signature: delivery.signature.toUpperCase() }],
    ['a short signature', [key], { ...delivery, signature: delivery.signature.slice(2) }],
    ['non-hex', [key], { ...delivery, signature: 'z'.repeat(64) }],
    [
      'the key hex-decoded instead of as text',
      [Buffer.from(key, 'hex').toString('latin1')],
      delivery,
    ],
  ])('refuses %s', (_why, keys, body) => {
    expect(leverSignatureMatches(keys, body)).toBe(false);
  });
});
