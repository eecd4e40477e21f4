import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PermanentFailure } from '@eligo/server/lib/jobs/errors';
import { createTestApp, type TestApp } from '../support/app.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Retry budgets of time, dead jobs that come back when their dependency does (a success revives
 * them, a probe finds out), and the admin's per-kind counts and "Retry all" (docs/jobs.md).
 * The probe runs once per backoff cap (default 15 minutes): 1 s in the test of the probe only, so
 * that it cannot revive jobs behind the other tests' backs.
 */
const env = { JOBS_POLL_INTERVAL_MS: '50', JOBS_LEASE_MS: '1500' };
const fast = { baseDelayMs: 10, maxDelayMs: 40 };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(import.meta.filename, { env });
});
afterAll(() => t?.close());

let counter = 0;
const newType = (name: string) => `${name}-${++counter}-${Date.now().toString(36)}`;
const stateOf = async (id: string) => (await t.app.jobs.get(id))?.state;
const until = (id: string, state: string, timeoutMs?: number) =>
  waitFor(`job ${id} to be ${state}`, async () => (await stateOf(id)) === state, { timeoutMs });

/** A dependency the test switches off and on; jobs that call it fail while it is down. */
function dependency() {
  let up = false;
  return {
    set: (value: boolean) => void (up = value),
    call: () => {
      if (!up) throw new Error('connection refused');
    },
  };
}

test('a time budget: retried until it runs out (not after N attempts), then dead and revivable', async () => {
  const type = newType('budget');
  let calls = 0;
  t.app.jobs.define(type, {
    ...fast,
    maxDelayMs: 20,
    retryForMs: 1_000,
    handler: async () => {
      calls += 1;
      throw new Error(`failure ${calls}`);
    },
  });
  const { id } = await t.app.jobs.enqueue(type, {});
  await until(id, 'dead');
  const view = (await t.app.jobs.get(id))!;
  expect(view.maxAttempts).toBeNull();
  expect(view.retryUntil!.getTime() - view.createdAt.getTime()).toBe(1_000);
  // Every failure before the budget's end was retried; the first attempt that began after it was
  // the last. Time decides, not a count.
  const failed = view.history.filter((h) => h.event === 'failed');
  const starts = view.history.filter((h) => h.event === 'started');
  expect(failed.length).toBeGreaterThan(1);
  expect(failed.every((h) => h.at.getTime() < view.retryUntil!.getTime() + 200)).toBe(true);
  expect(starts).toHaveLength(failed.length + 1);
  expect(view.finishedAt!.getTime()).toBeGreaterThanOrEqual(view.retryUntil!.getTime());
  expect(view.history.at(-1)).toMatchObject({ event: 'dead', error: `failure ${calls}` });
  const raw = await t.db.collection('jobs').findOne({ _id: id as never });
  expect(raw).toMatchObject({ state: 'dead', revivable: true });
});

describe('revival', () => {
  test("a success revives its dependency's dead jobs of that group only; permanent failures stay dead", async () => {
    const type = newType('lever-like');
    const lever = dependency();
    const ran: string[] = [];
    t.app.jobs.define<{ name: string; permanent?: boolean }>(type, {
      ...fast,
      retryForMs: 200,
      handler: async ({ payload }) => {
        if (payload.permanent) throw new PermanentFailure('Lever answered 414');
        lever.call();
        ran.push(payload.name);
      },
    });
    const a1 = await t.app.jobs.enqueue(type, { name: 'a1' }, { group: 'integration-a' });
    const a2 = await t.app.jobs.enqueue(
      type,
      { name: 'a2', permanent: true },
      { group: 'integration-a' },
    );
    const b1 = await t.app.jobs.enqueue(type, { name: 'b1' }, { group: 'integration-b' });
    for (const job of [a1, a2, b1]) await until(job.id, 'dead');

    lever.set(true);
    expect(await t.app.jobs.revive({ types: [type], group: 'integration-a' })).toBe(1);
    await until(a1.id, 'succeeded');
    expect(ran).toEqual(['a1']);
    expect((await t.app.jobs.get(a1.id))!.history.map((h) => h.event)).toContain('revived');
    expect(await stateOf(a2.id)).toBe('dead');
    expect(await stateOf(b1.id)).toBe('dead');
    // Asked again at once (every success asks): throttled, nothing more to do anyway.
    expect(await t.app.jobs.revive({ types: [type], group: 'integration-a' })).toBe(0);
  });

  test('with every job dead and nothing else running, the probe notices the dependency is back and the rest follow', async () => {
    const probing = await createTestApp(import.meta.filename, {
      databaseOf: t,
      env: { ...env, JOBS_MAX_BACKOFF_SECONDS: '1' },
    });
    try {
      await probeScenario(probing);
    } finally {
      await probing.app.close();
      await probing.db.close();
    }
  });
});

async function probeScenario(p: TestApp): Promise<void> {
  {
    const until = (id: string, state: string, timeoutMs?: number) =>
      waitFor(`job ${id} to be ${state}`, async () => (await p.app.jobs.get(id))?.state === state, {
        timeoutMs,
      });
    const type = newType('mail-like');
    const smtp = dependency();
    let succeeded = 0;
    p.app.jobs.define(type, {
      ...fast,
      retryForMs: 200,
      handler: async () => {
        smtp.call();
        succeeded += 1;
        // What the mail sender does after the server accepts a message.
        await p.app.jobs.revive({ types: [type] });
      },
    });
    const jobs = await Promise.all([1, 2, 3].map(() => p.app.jobs.enqueue(type, {})));
    for (const job of jobs) await until(job.id, 'dead');

    smtp.set(true);
    // The probe runs every backoff cap (1 s here): one job first, then its success revives the others.
    for (const job of jobs) await until(job.id, 'succeeded', 10_000);
    expect(succeeded).toBe(3);
    // Brought back by revival alone (nobody retried them). A probe may already have tried a job
    // while SMTP was still down (it died again: that is what a probe is for), so a job can have
    // more than one revival; the last one led to its success.
    const events = await Promise.all(
      jobs.map(async (job) => (await p.app.jobs.get(job.id))!.history.map((h) => h.event)),
    );
    for (const history of events) {
      expect(history).not.toContain('retried');
      const lastRevival = history.lastIndexOf('revived');
      expect(lastRevival).toBeGreaterThan(-1);
      expect(history.slice(lastRevival)).toEqual(['revived', 'started', 'succeeded']);
    }
  }
}

describe('dead work per kind, for the admin', () => {
  test('counts per kind and organization; "Retry all" requeues only that kind of that organization', async () => {
    const kind = `kind-${Date.now().toString(36)}`;
    const otherKind = `${kind}-other`;
    const mine = new Types.ObjectId();
    const theirs = new Types.ObjectId();
    const service = dependency();
    const define = (k: string) => {
      const type = newType(k);
      t.app.jobs.define(type, {
        ...fast,
        kind: k,
        maxAttempts: 1,
        handler: async () => service.call(),
      });
      return type;
    };
    const type = define(kind);
    const otherType = define(otherKind);
    const jobs = {
      mine: await t.app.jobs.enqueue(type, {}, { organizationId: mine }),
      mineToo: await t.app.jobs.enqueue(type, {}, { organizationId: mine }),
      theirs: await t.app.jobs.enqueue(type, {}, { organizationId: theirs }),
      otherKind: await t.app.jobs.enqueue(otherType, {}, { organizationId: mine }),
    };
    for (const job of Object.values(jobs)) await until(job.id, 'dead');

    expect(await t.app.jobs.deadCounts(mine)).toMatchObject({ [kind]: 2, [otherKind]: 1 });
    expect(await t.app.jobs.deadCounts(theirs)).toMatchObject({ [kind]: 1, [otherKind]: 0 });

    service.set(true);
    const [first, second] = await Promise.all([
      t.app.jobs.retryAll(kind, mine),
      t.app.jobs.retryAll(kind, mine),
    ]);
    expect(first + second).toBe(2); // two clicks at once: each job requeued once
    await until(jobs.mine.id, 'succeeded');
    await until(jobs.mineToo.id, 'succeeded');
    expect(await stateOf(jobs.theirs.id)).toBe('dead');
    expect(await stateOf(jobs.otherKind.id)).toBe('dead');
    expect(await t.app.jobs.deadCounts(mine)).toMatchObject({ [kind]: 0, [otherKind]: 1 });
  });
});
