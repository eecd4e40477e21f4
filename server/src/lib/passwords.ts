import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id at OWASP's minimum (m = 19 MiB, t = 2, p = 1), stored as a PHC string that carries its
 * parameters, so raising them later re-hashes on the next successful login.
 */
export const PASSWORD_HASH_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable here)

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...PASSWORD_HASH_PARAMS });
}

// Verifying against this when the account does not exist makes unknown-user logins cost the same.
const dummyHash = hashPassword('not-a-real-password-0f3c9a');

export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** True when a stored hash uses weaker parameters than today's. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [, m, t, p] = match.map(Number);
  return (
    m! < PASSWORD_HASH_PARAMS.memoryCost ||
    t! < PASSWORD_HASH_PARAMS.timeCost ||
    p! !== PASSWORD_HASH_PARAMS.parallelism
  );
}
