import { isDeadlockError } from './errors.ts';

export interface DeadlockRetryOptions {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** Scale of the pause: before try n + 1 a random wait in [0, pauseMs · 2^n) (default 25 ms). */
  pauseMs?: number;
}

/**
 * Runs `write` again while it fails with FerretDB 2's `deadlock detected` (errors.ts), after a
 * jittered exponential pause so that the racers do not collide again in step. Any other error,
 * and the last deadlock once the budget is spent, is thrown as it came. On MongoDB the error never
 * occurs and this is a plain call.
 */
export async function retryOnDeadlock<T>(
  write: () => Promise<T>,
  { attempts = 5, pauseMs = 25 }: DeadlockRetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isDeadlockError(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * pauseMs * 2 ** attempt));
    }
  }
}
