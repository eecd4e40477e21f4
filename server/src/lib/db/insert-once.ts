import { isDuplicateKeyError } from './errors.ts';
import { retryOnDeadlock, type DeadlockRetryOptions } from './retry-on-deadlock.ts';

/** Whether this caller's insert is the one stored, and (if so) what the insert returned. */
export type InsertOnceResult<T> = { won: true; value: T } | { won: false };

/**
 * "First one wins": runs `insert` (of a document with a unique `_id` or unique key) and reports
 * whether this caller won. A duplicate-key refusal means another caller (or an earlier attempt)
 * stored it first: `{ won: false }`. FerretDB 2's `deadlock detected`, possible when the guard is
 * a secondary unique index, is retried (retryOnDeadlock) until the real answer comes. Any other
 * error is thrown. Exactly one of any number of concurrent callers wins, on MongoDB and FerretDB 2.
 */
export async function insertOnce<T>(
  insert: () => Promise<T>,
  options?: DeadlockRetryOptions,
): Promise<InsertOnceResult<T>> {
  try {
    return { won: true, value: await retryOnDeadlock(insert, options) };
  } catch (error) {
    if (isDuplicateKeyError(error)) return { won: false };
    throw error;
  }
}
