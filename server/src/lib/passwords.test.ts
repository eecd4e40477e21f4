import { describe, expect, test } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  test('hashes with Argon2id at m=19 MiB, t=2, p=1 and a random salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  test('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('s3cret-passphrase');
    expect(await verifyPassword(stored, 's3cret-passphrase')).toBe(true);
    expect(await verifyPassword(stored, 's3cret-passphrasE')).toBe(false);
  });

  test('an account without a password never verifies', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('garbage', 'anything')).toBe(false);
  });

  test.each([
    ['$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', false],
    ['$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA', false],
    ['$argon2id$v=19$m=4096,t=2,p=1$c2FsdA$aGFzaA', true],
    ['$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', true],
    ['$2b$10$abcdefghijklmnopqrstuv', true],
  ])('needsRehash(%s) → %s', (stored, expected) => {
    expect(needsRehash(stored)).toBe(expected);
  });
});
