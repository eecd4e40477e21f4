import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DecryptionError,
  aadString,
  decryptWithKey,
  encryptWithKey,
  generateDataKey,
  parseCiphertext,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.ts';

const key = generateDataKey();
const place = {
  organizationId: '65f000000000000000000001',
  collection: 'applicants',
  field: 'draft',
  documentId: '65f0000000000000000000aa',
};
const aad = aadString(place);

/** Replaces one base64 part of the ciphertext with a copy whose byte `index` has `mask` XORed in. */
function flipByte(ciphertext: string, part: 2 | 3 | 4, index: number, mask = 0x01): string {
  const parts = ciphertext.split(':');
  const bytes = Buffer.from(parts[part]!, 'base64');
  bytes[index % bytes.length]! ^= mask;
  parts[part] = bytes.toString('base64');
  return parts.join(':');
}

describe('envelope encryption (AES-256-GCM)', () => {
  test('round trip, with the v1 format, the key version and a fresh IV each time', () => {
    const a = encryptWithKey(key, 3, '123-45-6789', aad);
    const b = encryptWithKey(key, 3, '123-45-6789', aad);
    expect(a).toMatch(/^v1:3:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(parseCiphertext(a)).toMatchObject({ keyVersion: 3 });
    expect(parseCiphertext(a).iv).toHaveLength(12);
    expect(parseCiphertext(a).tag).toHaveLength(16);
    expect(a).not.toContain('6789');
    expect(decryptWithKey(key, a, aad)).toBe('123-45-6789');
    expect(decryptWithKey(key, b, aad)).toBe('123-45-6789');
  });

  test('the empty string and non-ASCII text round-trip', () => {
    for (const text of ['', 'José Núñez', '中文 ✓ 🎉']) {
      expect(decryptWithKey(key, encryptWithKey(key, 1, text, aad), aad)).toBe(text);
    }
  });

  test('property: every string round-trips under every place', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.stringMatching(/^[a-z0-9_]{1,24}$/),
        (text, field) => {
          const at = aadString({ ...place, field });
          return decryptWithKey(key, encryptWithKey(key, 1, text, at), at) === text;
        },
      ),
      { numRuns: 300 },
    );
  });

  test.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ] as const)('flipping any byte of the %s makes decryption throw', (_name, part) => {
    const ciphertext = encryptWithKey(key, 1, 'secret answers {"q_felony":"yes"}', aad);
    const length = Buffer.from(ciphertext.split(':')[part]!, 'base64').length;
    for (let index = 0; index < length; index++) {
      for (const mask of [0x01, 0x80]) {
        expect(() => decryptWithKey(key, flipByte(ciphertext, part, index, mask), aad)).toThrow(
          DecryptionError,
        );
      }
    }
  });

  test('property: any single-bit change of iv, tag or ciphertext throws', () => {
    const ciphertext = encryptWithKey(key, 1, 'canary 078-05-1120', aad);
    fc.assert(
      fc.property(
        fc.constantFrom(2 as const, 3 as const, 4 as const),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (part, index, bit) => {
          const tampered = flipByte(ciphertext, part, index, 1 << bit);
          expect(() => decryptWithKey(key, tampered, aad)).toThrow(DecryptionError);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('flipping any byte of the AAD makes decryption throw', () => {
    const ciphertext = encryptWithKey(key, 1, 'x', aad);
    const bytes = Buffer.from(aad, 'utf8');
    for (let index = 0; index < bytes.length; index++) {
      const changed = Buffer.from(bytes);
      changed[index]! ^= 0x01;
      expect(() => decryptWithKey(key, ciphertext, changed.toString('latin1'))).toThrow(
        DecryptionError,
      );
    }
  });

  test.each([
    ['another document', { documentId: '65f0000000000000000000bb' }],
    ['another field', { field: 'ssnLast4' }],
    ['another collection', { collection: 'survey_submissions' }],
    ['another organization', { organizationId: '65f000000000000000000002' }],
  ])('a ciphertext moved to %s does not decrypt', (_name, change) => {
    const ciphertext = encryptWithKey(key, 1, '{"ssn":"123-45-6789"}', aad);
    expect(() => decryptWithKey(key, ciphertext, aadString({ ...place, ...change }))).toThrow(
      DecryptionError,
    );
  });

  test('the wrong key does not decrypt', () => {
    const ciphertext = encryptWithKey(key, 1, 'x', aad);
    expect(() => decryptWithKey(generateDataKey(), ciphertext, aad)).toThrow(DecryptionError);
  });

  test.each([
    '',
    'v1',
    'v2:1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==',
    'v1:0:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==',
    'v1:x:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==',
    'v1:1:AAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==',
    'v1:1:AAAAAAAAAAAAAAAA:AAAAAAAA:AA==',
    'v1:1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:not base64!',
    'v1:1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==:extra',
  ])('malformed ciphertext %j is refused', (text) => {
    expect(() => decryptWithKey(key, text, aad)).toThrow(DecryptionError);
  });

  test('AAD parts may not be empty or contain the separator', () => {
    expect(() => aadString({ ...place, field: '' })).toThrow(RangeError);
    expect(() => aadString({ ...place, documentId: 'a|b' })).toThrow(RangeError);
  });

  test('a wrong-sized key is refused', () => {
    expect(() => encryptWithKey(randomBytes(16), 1, 'x', aad)).toThrow(RangeError);
  });
});

describe('data key wrapping', () => {
  const kek = generateDataKey();

  test('a wrapped data key unwraps only with its KEK, organization and version', () => {
    const dek = generateDataKey();
    const wrapped = wrapDataKey(kek, dek, place.organizationId, 1);
    expect(wrapped).not.toContain(dek.toString('base64'));
    expect(unwrapDataKey(kek, wrapped, place.organizationId, 1).equals(dek)).toBe(true);
    expect(() => unwrapDataKey(kek, wrapped, '65f000000000000000000002', 1)).toThrow(
      DecryptionError,
    );
    expect(() => unwrapDataKey(kek, wrapped, place.organizationId, 2)).toThrow(DecryptionError);
    expect(() => unwrapDataKey(generateDataKey(), wrapped, place.organizationId, 1)).toThrow(
      DecryptionError,
    );
  });
});
