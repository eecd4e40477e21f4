import type { Connection } from 'mongoose';

/** Resolves with the first truthy value of `check`, polling; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  { timeoutMs = 20_000, everyMs = 25 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Limits counted in the database use fixed windows (`attempt-limiter.ts`: window n covers
 * [n·windowMs, (n+1)·windowMs)). A test that counts requests against one must not straddle a window
 * change, which would start the count afresh: this waits, when fewer than `neededMs` are left in the
 * current window, until the next one begins.
 */
export async function withinOneWindow(windowMs: number, neededMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < neededMs) await new Promise((r) => setTimeout(r, left + 5));
}

/**
 * Mail goes through the outbox (`mail.send` jobs, docs/reliability.md §4): waits until no queued
 * message is left, every one sent or given up. After it, "no such mail arrived" is a fact.
 */
export async function outboxSent(db: Pick<Connection, 'collection'>): Promise<void> {
  await waitFor('the outbox to be sent', async () => {
    const open = await db
      .collection('jobs')
      .countDocuments({ type: 'mail.send', state: { $nin: ['succeeded', 'dead'] } });
    return open === 0;
  });
}
