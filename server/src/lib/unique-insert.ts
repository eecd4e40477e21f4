/** True when MongoDB/FerretDB refused an insert because of a unique index. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/**
 * Racing inserts on a unique index, as real MongoDB and both FerretDB versions answer them
 * (docs/database.md):
 * - the loser gets a duplicate-key error (code 11000, `isDuplicateKeyError` above): the caller
 *   decides what "already there" means;
 * - FerretDB 2 + DocumentDB may instead answer `deadlock detected` (code 16908292) when the race is
 *   on a unique *secondary* index. Nothing was written for that caller; trying the same insert
 *   again gives the real answer (success, or 11000 now that the winner's row is visible).
 * Race-prone "first wins" inserts should key on `_id` (no deadlock there); where a secondary unique
 * index is the guard (an email, an organization + version), wrap the insert in retryOnDeadlock().
 */
export const DEADLOCK_DETECTED = 16908292;

export function isDeadlockError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: number; message?: string };
  return code === DEADLOCK_DETECTED || /deadlock detected/i.test(message ?? '');
}

/** Runs `insert` again (after a short jittered pause) while it fails with `deadlock detected`. */
export async function retryOnDeadlock<T>(
  insert: () => Promise<T>,
  { attempts = 5, pauseMs = 25 }: { attempts?: number; pauseMs?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert();
    } catch (error) {
      if (!isDeadlockError(error) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * pauseMs * 2 ** attempt));
    }
  }
}
