import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Production runs several API instances on one database. Two app instances here share one database
 * and both run jobs of one type: no job may run twice or in both at once (docs/jobs.md: the claim is
 * a unique lease insert, exclusive on MongoDB and both FerretDB versions).
 */
const env = { JOBS_POLL_INTERVAL_MS: '20', JOBS_LEASE_MS: '5000' };
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp(import.meta.filename, { env });
  b = await createTestApp(import.meta.filename, { env, databaseOf: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

test('300 jobs on two instances: each runs exactly once, never in both at the same time', async () => {
  const runs: Array<{ jobId: string; instance: string; start: number; end: number }> = [];
  const running = new Set<string>();
  const overlaps: string[] = [];
  for (const [name, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    t.app.jobs.define<{ n: number }>('overlap-probe', {
      concurrency: 8,
      handler: async (job) => {
        if (running.has(job.id)) overlaps.push(job.id);
        running.add(job.id);
        const start = performance.now();
        await new Promise((r) => setTimeout(r, Math.random() * 8));
        running.delete(job.id);
        runs.push({ jobId: job.id, instance: name, start, end: performance.now() });
      },
    });
  }
  const ids = await Promise.all(
    Array.from({ length: 300 }, (_, n) =>
      (n % 2 ? a : b).app.jobs.enqueue('overlap-probe', { n }).then((r) => r.id),
    ),
  );
  await waitFor(
    'all 300 jobs to succeed',
    async () =>
      (await a.db
        .collection('jobs')
        .countDocuments({ type: 'overlap-probe', state: 'succeeded' })) === 300,
    { timeoutMs: 120_000 },
  );
  expect(overlaps).toEqual([]);
  expect(runs).toHaveLength(300);
  expect(new Set(runs.map((r) => r.jobId))).toEqual(new Set(ids));
  const byInstance = { a: runs.filter((r) => r.instance === 'a').length, b: 0 };
  byInstance.b = 300 - byInstance.a;
  console.log(`[jobs] runs per instance: ${JSON.stringify(byInstance)}`);
  const attempts = await a.db.collection('jobs').distinct('attempt', { type: 'overlap-probe' });
  expect(attempts).toEqual([1]);
}, 180_000);
