import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { describe, expect, test } from 'vitest';
import { UnknownKekError, unwrapRow } from './data-keys.ts';
import { generateDataKey, wrapDataKey } from './envelope.ts';
import { kekId, keyring } from './keyring.ts';

describe('key-encryption key ids', () => {
  test('the same key always has the same id; different keys differ; the id shows nothing of the key', () => {
    const key = randomBytes(32);
    expect(kekId(key)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(kekId(Buffer.from(key))).toBe(kekId(key));
    expect(kekId(randomBytes(32))).not.toBe(kekId(key));
    expect(key.toString('base64url')).not.toContain(kekId(key));
  });

  test('a keyring knows its keys by id and refuses the same key twice', () => {
    const [current, previous] = [randomBytes(32), randomBytes(32)];
    const ring = keyring(current, previous);
    expect(ring.byId(kekId(current))?.key.equals(current)).toBe(true);
    expect(ring.byId(kekId(previous))?.key.equals(previous)).toBe(true);
    expect(ring.byId(kekId(randomBytes(32)))).toBeUndefined();
    expect(keyring(current).previous).toBeNull();
    expect(() => keyring(current, Buffer.from(current))).toThrow(RangeError);
  });
});

describe('unwrapping a stored data key', () => {
  const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
  const organizationId = new Types.ObjectId();
  const dek = generateDataKey();
  const row = (kek: Buffer, recorded: boolean) => ({
    _id: new Types.ObjectId(),
    organizationId,
    version: 1,
    wrappedKey: wrapDataKey(kek, dek, organizationId.toHexString(), 1),
    ...(recorded ? { kekId: kekId(kek) } : {}),
  });

  test('by the KEK its id names, current or previous', () => {
    const ring = keyring(newKey, oldKey);
    expect(unwrapRow(ring, row(oldKey, true)).key.equals(dek)).toBe(true);
    expect(unwrapRow(ring, row(newKey, true)).kek.id).toBe(kekId(newKey));
  });

  test('a row from before ids were recorded: whichever held KEK authenticates it', () => {
    expect(unwrapRow(keyring(newKey, oldKey), row(oldKey, false)).kek.id).toBe(kekId(oldKey));
    expect(unwrapRow(keyring(oldKey), row(oldKey, false)).key.equals(dek)).toBe(true);
  });

  test('a KEK the instance does not hold: an error naming both ids', () => {
    let error: unknown;
    try {
      unwrapRow(keyring(newKey), row(oldKey, true));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownKekError);
    expect((error as Error).message).toContain(kekId(oldKey));
    expect((error as Error).message).toContain(`${kekId(newKey)} (ENCRYPTION_KEY) only`);
    expect(() => unwrapRow(keyring(newKey), row(oldKey, false))).toThrow(UnknownKekError);
  });
});
