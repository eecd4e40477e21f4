import { describe, expect, test } from 'vitest';
import { canonicalJson, canonicalSha256, sha256Hex } from './evidence.ts';

describe('canonical JSON', () => {
  test('keys are sorted at every depth; arrays keep their order; undefined is left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1}',
    );
  });

  test('the same answers written in another key order hash the same; another value does not', () => {
    const one = { last_name: 'Núñez', ssn: '123-45-6789', q_tanf_long: ['a', 'b'] };
    const two = { q_tanf_long: ['a', 'b'], ssn: '123-45-6789', last_name: 'Núñez' };
    expect(canonicalSha256(one)).toBe(canonicalSha256(two));
    expect(canonicalSha256({ ...one, ssn: '123-45-6780' })).not.toBe(canonicalSha256(one));
    expect(canonicalSha256({ ...one, q_tanf_long: ['b', 'a'] })).not.toBe(canonicalSha256(one));
  });

  test('SHA-256 is the standard one (UTF-8, lower-case hex)', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  test('a value JSON cannot hold is refused rather than hashed as something else', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/not representable/);
  });
});
