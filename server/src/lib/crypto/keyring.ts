import { createHmac } from 'node:crypto';

/**
 * The key-encryption keys (KEKs) an instance holds: `ENCRYPTION_KEY` (current) and, while a
 * rotation is under way, `ENCRYPTION_KEY_PREVIOUS` (docs/reliability.md §1, README "Rotating
 * ENCRYPTION_KEY"). Each KEK is known by an id derived from it, stored beside every data key it
 * wraps, so which KEK unwraps a row is never a guess. Pure: no I/O.
 */
export interface Kek {
  /** 16 base64url characters of HMAC-SHA256(key, label): names the key, reveals nothing of it. */
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: Kek;
  /** The key being rotated away from, while both are configured. */
  previous: Kek | null;
  byId(id: string): Kek | undefined;
}

const KEK_ID_LABEL = 'eligo key-encryption-key id v1';

/** The id of a KEK: the same key always gets the same id, on every instance. */
export function kekId(key: Buffer): string {
  return createHmac('sha256', key).update(KEK_ID_LABEL).digest('base64url').slice(0, 16);
}

export function keyring(current: Buffer, previous: Buffer | null = null): Keyring {
  const currentKek = { id: kekId(current), key: current };
  const previousKek = previous ? { id: kekId(previous), key: previous } : null;
  if (previousKek && previousKek.id === currentKek.id) {
    throw new RangeError('The previous key-encryption key is the current one');
  }
  const all = previousKek ? [currentKek, previousKek] : [currentKek];
  return {
    current: currentKek,
    previous: previousKek,
    byId: (id) => all.find((kek) => kek.id === id),
  };
}
