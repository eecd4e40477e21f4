import { describe, expect, test } from 'vitest';
import { signDelivery, verifyDelivery } from './signature.ts';

// The test vector of docs/lever-api.md §5.3.
const vector = {
  signatureToken: '5f0c2a9e8d7b6a5f4e3d2c1b0a99887766554433221100ff',
  token: '0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef',
  triggeredAt: 1718000000123,
  signature: '58ddd3d1c705e864c331b7515f6b4c35f9349aba4d4035eefd52d747a52d9f25',
};

describe('webhook signature', () => {
  test('reproduces the §5.3 test vector', () => {
    expect(signDelivery(vector.signatureToken, vector.token, vector.triggeredAt)).toBe(
      vector.signature,
    );
  });

  test('verifies the §5.3 delivery and rejects tampering', () => {
    const body = {
      token: vector.token,
      triggeredAt: vector.triggeredAt,
      signature: vector.signature,
    };
    expect(verifyDelivery(vector.signatureToken, body)).toBe(true);
    expect(verifyDelivery(vector.signatureToken, { ...body, triggeredAt: 1718000000124 })).toBe(
      false,
    );
    expect(verifyDelivery('another-token', body)).toBe(false);
    expect(verifyDelivery(vector.signatureToken, { ...body, signature: undefined })).toBe(false);
  });
});
