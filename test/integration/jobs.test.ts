import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PauseJobGroup, PermanentFailure, RetryLater } from '@eligo/server/lib/jobs/errors';
import { jobStore } from '@eligo/server/lib/jobs/store';
import { stopProcess } from '@eligo/dev/processes';
import { createTestApp, type TestApp } from '../support/app.ts';
import { startJobWorkerOn } from '../support/job-worker.ts';
import { waitFor } from '../support/wait.ts';

/** Durable jobs (docs/jobs.md) on the run's real database; fast polling, short leases. */
const env = { JOBS_POLL_INTERVAL_MS: '50', JOBS_LEASE_MS: '1500', JOBS_DRAIN_TIMEOUT_MS: '3000' };
const fast = { baseDelayMs: 10, maxDelayMs: 40 };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(import.meta.filename, { env });
});
afterAll(() => t?.close());

let typeCounter = 0;
/** A fresh job type per test, so tests never see each other's jobs. */
const newType = (name: string) => `${name}-${++typeCounter}-${Date.now().toString(36)}`;
const stateOf = async (app: TestApp, id: string) => (await app.app.jobs.get(id))?.state;
const until = (app: TestApp, id: string, state: string) =>
  waitFor(`job ${id} to be ${state}`, async () => (await stateOf(app, id)) === state);

/**
 * Waits until the runner has finished a poll that began at or after `instant` (its own tick, not
 * a sleep): a job due by then would have been claimed, and its handler called, by that poll.
 */
async function polledSince(app: TestApp, instant: number): Promise<void> {
  for (;;) {
    const asked = Date.now();
    await app.app.jobs.nextPoll();
    if (asked >= instant) return;
  }
}

describe('a job runs, retries and ends visibly', () => {
  test('runs once with its payload and organization; the view shows history but no payload', async () => {
    const type = newType('hello');
    const seen: unknown[] = [];
    t.app.jobs.define<{ secret: string }>(type, {
      handler: async (job) => void seen.push({ ...job, log: undefined, signal: undefined }),
    });
    const organizationId = new Types.ObjectId();
    const { id, created } = await t.app.jobs.enqueue(
      type,
      { secret: 'token-123' },
      { organizationId },
    );
    expect(created).toBe(true);
    await until(t, id, 'succeeded');
    expect(seen).toEqual([
      {
        id,
        type,
        payload: { secret: 'token-123' },
        attempt: 1,
        organizationId: organizationId.toHexString(),
        log: undefined,
        signal: undefined,
        countedAttempt: 1,
        lastAttempt: false,
        backoff: { baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
      },
    ]);
    const view = await t.app.jobs.get(id);
    expect(JSON.stringify(view)).not.toContain('token-123');
    expect(view).toMatchObject({ attempts: 1, lastError: null, nextRunAt: null });
    expect(view!.history.map((h) => h.event)).toEqual(['enqueued', 'started', 'succeeded']);
    expect(await t.app.jobs.get(id, new Types.ObjectId())).toBeNull();
  });

  test('RetryLater (a 429 with Retry-After): retrying with the error, and not run again before afterMs', async () => {
    const type = newType('retry-after');
    const starts: number[] = [];
    t.app.jobs.define(type, {
      ...fast,
      handler: async () => {
        starts.push(Date.now());
        if (starts.length === 1) throw new RetryLater('Lever answered 429', { afterMs: 800 });
      },
    });
    const { id } = await t.app.jobs.enqueue(type, {});
    const retrying = await waitFor('the retrying state', async () => {
      const view = await t.app.jobs.get(id);
      return view?.state === 'retrying' ? view : null;
    });
    expect(retrying.lastError).toBe('Lever answered 429');
    expect(retrying.nextRunAt!.getTime() - starts[0]!).toBeGreaterThanOrEqual(800);
    await until(t, id, 'succeeded');
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(800);
  });

  test('a failing job is dead after maxAttempts, with its last error; no further attempt', async () => {
    const type = newType('always-fails');
    let calls = 0;
    t.app.jobs.define(type, {
      ...fast,
      maxAttempts: 3,
      handler: async () => {
        calls++;
        throw new Error(`failure ${calls}`);
      },
    });
    const { id } = await t.app.jobs.enqueue(type, {});
    await until(t, id, 'dead');
    const view = await t.app.jobs.get(id);
    expect(view).toMatchObject({ attempts: 3, lastError: 'failure 3', nextRunAt: null });
    expect(view!.history.map((h) => h.event)).toEqual([
      'enqueued',
      'started',
      'failed',
      'started',
      'failed',
      'started',
      'dead',
    ]);
    // Had a fourth attempt been scheduled, it would be due within the backoff cap after the last
    // failure: a poll that began after that has claimed (and called) nothing.
    await polledSince(t, view!.finishedAt!.getTime() + fast.maxDelayMs);
    expect(calls).toBe(3);
  });

  test('PermanentFailure is dead at once; retry() (clicked twice) runs it exactly once more', async () => {
    const type = newType('permanent');
    let calls = 0;
    t.app.jobs.define(type, {
      ...fast,
      handler: async () => {
        calls++;
        if (calls === 1) throw new PermanentFailure('Lever answered 404');
      },
    });
    const organizationId = new Types.ObjectId();
    const { id } = await t.app.jobs.enqueue(type, {}, { organizationId });
    await until(t, id, 'dead');
    expect((await t.app.jobs.get(id))?.lastError).toBe('Lever answered 404');
    expect(calls).toBe(1);

    expect(await t.app.jobs.retry(id, new Types.ObjectId())).toBe(false); // another organization's
    const clicks = await Promise.all([
      t.app.jobs.retry(id, organizationId),
      t.app.jobs.retry(id, organizationId),
    ]);
    expect(clicks).toContain(true);
    await until(t, id, 'succeeded');
    // A second queued run would be due now: a poll that began after the first run claims nothing.
    await polledSince(t, Date.now());
    expect(calls).toBe(2);
    expect(await t.app.jobs.retry(id)).toBe(false); // not dead any more
    expect((await t.app.jobs.get(id))!.history.map((h) => h.event)).toContain('retried');
  });
});

describe('groups', () => {
  test('no job of a paused group runs until it is resumed', async () => {
    const type = newType('grouped');
    const group = `integration-${new Types.ObjectId().toHexString()}`;
    const ran: string[] = [];
    t.app.jobs.define(type, { handler: async (job) => void ran.push(job.id) });
    await t.app.jobs.pauseGroup(group, 'Lever disconnected');
    const a = await t.app.jobs.enqueue(type, {}, { group });
    const b = await t.app.jobs.enqueue(type, {}, { group });
    const other = await t.app.jobs.enqueue(type, {}, { group: `${group}-other` });
    await until(t, other.id, 'succeeded');
    // a and b were due before `other` was queued, and polls take the oldest first: the poll that
    // claimed `other`, and one begun after it ran, would have claimed them too.
    await polledSince(t, Date.now());
    expect(ran).toEqual([other.id]);
    expect(await stateOf(t, a.id)).toBe('paused');
    await t.app.jobs.resumeGroup(group);
    await until(t, a.id, 'succeeded');
    await until(t, b.id, 'succeeded');
  });

  test('PauseJobGroup pauses the group; the job waits without using up an attempt, then runs on resume', async () => {
    const type = newType('pauses');
    const group = `integration-${new Types.ObjectId().toHexString()}`;
    let connected = false;
    const ran: string[] = [];
    t.app.jobs.define(type, {
      ...fast,
      maxAttempts: 1,
      handler: async (job) => {
        if (!connected) throw new PauseJobGroup('integration disconnected');
        ran.push(job.id);
      },
    });
    const first = await t.app.jobs.enqueue(type, {}, { group });
    await until(t, first.id, 'paused');
    expect((await t.app.jobs.get(first.id))?.lastError).toBe('integration disconnected');
    const second = await t.app.jobs.enqueue(type, {}, { group });
    expect(await stateOf(t, second.id)).toBe('paused');
    connected = true;
    await t.app.jobs.resumeGroup(group);
    await until(t, first.id, 'succeeded');
    await until(t, second.id, 'succeeded');
    expect(ran.sort()).toEqual([first.id, second.id].sort());
  });
});

test('20 concurrent enqueues with one key: one job, run once', async () => {
  const type = newType('deduped');
  let calls = 0;
  t.app.jobs.define(type, { handler: async () => void calls++ });
  const results = await Promise.all(
    Array.from({ length: 20 }, () => t.app.jobs.enqueue(type, {}, { key: 'delivery-abc' })),
  );
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.id)).size).toBe(1);
  await until(t, results[0]!.id, 'succeeded');
  expect(await t.db.collection('jobs').countDocuments({ type })).toBe(1);
  // The key stays taken after the job is done.
  expect(await t.app.jobs.enqueue(type, {}, { key: 'delivery-abc' })).toEqual({
    id: results[0]!.id,
    created: false,
  });
  expect(calls).toBe(1);
});

describe('shutdown and crashes', () => {
  test('close() waits for a running job to finish', async () => {
    const other = await createTestApp(`${import.meta.filename}-drain`, { env });
    const type = newType('slow');
    let finished = false;
    other.app.jobs.define(type, {
      handler: async () => {
        await new Promise((r) => setTimeout(r, 500));
        finished = true;
      },
    });
    const { id } = await other.app.jobs.enqueue(type, {});
    await until(other, id, 'running');
    await other.app.close();
    expect(finished).toBe(true);
    const stored = await other.db.collection('jobs').findOne({ _id: id as never });
    expect(stored?.state).toBe('succeeded');
    await other.db.dropDatabase();
    await other.db.close();
  });

  test('a job still running at the drain timeout is asked to stop and released, not lost', async () => {
    const other = await createTestApp(`${import.meta.filename}-release`, {
      env: { ...env, JOBS_DRAIN_TIMEOUT_MS: '200' },
    });
    const type = newType('stubborn');
    other.app.jobs.define(type, {
      handler: (job) =>
        new Promise((_, reject) =>
          job.signal.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
    });
    const { id } = await other.app.jobs.enqueue(type, {});
    await until(other, id, 'running');
    await other.app.close();
    const stored = await other.db.collection('jobs').findOne({ _id: id as never });
    expect(stored).toMatchObject({ state: 'queued', leaseOwner: null, freeAttempts: 1 });
    expect(stored!.history.at(-1)).toMatchObject({ event: 'released', attempt: 1 });
    await other.db.dropDatabase();
    await other.db.close();
  });

  test('a job whose process died mid-run is run again by another instance after its lease expires', async () => {
    const store = jobStore(t.app.mongo, t.app.config.jobs);
    const { id } = await store.enqueue('restart-probe', { label: 'x' }, 5);
    const worker = await startJobWorkerOn(t, id, env);
    try {
      worker.child.kill('SIGKILL');
      await stopProcess(worker.child);
      expect(await stateOf(t, id)).toBe('running');

      const attempts: number[] = [];
      t.app.jobs.define('restart-probe', {
        handler: async (job) => void attempts.push(job.attempt),
      });
      await until(t, id, 'succeeded');
      expect(attempts).toEqual([2]);
      const events = (await t.app.jobs.get(id))!.history.map((h) => `${h.event}:${h.attempt}`);
      expect(events).toEqual([
        'enqueued:0',
        'started:1',
        'lease-expired:1',
        'started:2',
        'succeeded:2',
      ]);
    } finally {
      await stopProcess(worker.child);
    }
  }, 90_000);
});

test('enqueueMany: each item answered by itself (new, repeated in the batch, key taken, key long done), paused groups kept', async () => {
  const type = newType('many');
  const ran: string[] = [];
  t.app.jobs.define<{ name: string }>(type, {
    handler: async (job) => void ran.push(job.payload.name),
  });
  const group = `group-${newType('g')}`;
  await t.app.jobs.pauseGroup(group, 'held by the test');
  const taken = await t.app.jobs.enqueue(type, { name: 'earlier' }, { key: 'taken' });
  const done = await t.app.jobs.enqueue(type, { name: 'long ago' }, { key: 'done' });
  await until(t, done.id, 'succeeded');
  // What the TTL monitor does after the retention: the job goes, its key's tombstone stays.
  await t.db.collection('jobs').deleteOne({ _id: done.id as never });

  const results = await t.app.jobs.enqueueMany<{ name: string }>(type, [
    { payload: { name: 'paused' }, options: { key: 'p', group } },
    { payload: { name: 'free' }, options: { key: 'f' } },
    { payload: { name: 'free again' }, options: { key: 'f' } },
    { payload: { name: 'taken again' }, options: { key: 'taken' } },
    { payload: { name: 'done again' }, options: { key: 'done' } },
    { payload: { name: 'unkeyed' } },
  ]);
  expect(results.map((r) => ('created' in r ? r.created : r))).toEqual([
    true,
    true,
    false,
    false,
    false,
    true,
  ]);
  const ids = results.map((r) => ('id' in r ? r.id : ''));
  expect(ids[2]).toBe(ids[1]);
  expect(ids[3]).toBe(taken.id);
  expect(ids[4]).toBe(done.id);
  await until(t, ids[1]!, 'succeeded');
  await until(t, ids[5]!, 'succeeded');
  expect(await stateOf(t, ids[0]!)).toBe('paused');
  expect(await t.db.collection('jobs').findOne({ _id: ids[4] as never })).toBeNull();
  expect(ran.sort()).toEqual(['earlier', 'free', 'long ago', 'unkeyed'].sort());
  await t.app.jobs.resumeGroup(group);
  await until(t, ids[0]!, 'succeeded');
  expect(ran).toContain('paused');
});

test('enqueueMany with `keep` decided later: only the kept items are stored', async () => {
  const type = newType('kept');
  t.app.jobs.define(type, { handler: async () => undefined });
  let decide!: (flags: boolean[]) => void;
  const keep = new Promise<boolean[]>((resolve) => (decide = resolve));
  const pending = t.app.jobs.enqueueMany(
    type,
    [
      { payload: {}, options: { key: 'stored' } },
      { payload: {}, options: { key: 'left-out' } },
    ],
    keep,
  );
  decide([true, false]);
  const results = await pending;
  expect(results.map((r) => ('created' in r ? r.created : r))).toEqual([true, false]);
  const keys = (await t.db.collection('jobs').find({ type }).toArray()).map((j) => j.key);
  expect(keys).toEqual(['stored']);
});
