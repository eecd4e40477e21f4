import { afterAll, beforeAll, expect, test } from 'vitest';
import { jobStore } from '@eligo/server/lib/jobs/store';
import { stopProcess } from '@eligo/dev/processes';
import { createTestApp, type TestApp } from '../support/app.ts';
import { startJobWorkerOn } from '../support/job-worker.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Deployment settings (README "Deploy"). Graceful shutdown as production runs it (`serve`): on
 * SIGTERM an instance
 * drains its running jobs for at most JOBS_DRAIN_TIMEOUT_MS, releases what is still running to the
 * other instances (rather than leaving it until its lease expires), closes the database and exits 0
 * within SHUTDOWN_GRACE_MS.
 */
const env = {
  JOBS_POLL_INTERVAL_MS: '50',
  // Long enough that "run again soon" can only mean "released", never "lease expired".
  JOBS_LEASE_MS: '120000',
  JOBS_DRAIN_TIMEOUT_MS: '500',
  SHUTDOWN_GRACE_MS: '20000',
};
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(import.meta.filename, { env });
});
afterAll(() => t?.close());

test('SIGTERM with a job still running at the drain timeout: released to another instance, exit 0 after closing', async () => {
  const { id } = await jobStore(t.app.mongo, t.app.config.jobs).enqueue(
    'restart-probe',
    { label: 'x' },
    5,
  );
  const worker = await startJobWorkerOn(t, id, { ...env, LOG_LEVEL: 'info' });
  try {
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const output = worker.output();
    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; signal?: string });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'closing', signal: 'SIGTERM' }));
    expect(lines.at(-1)).toMatchObject({ msg: 'closed' });
    expect(output).not.toContain('forced shutdown');

    // Released, not abandoned: this instance runs it at once, far sooner than the 2-minute lease.
    const attempts: number[] = [];
    t.app.jobs.define('restart-probe', { handler: async (job) => void attempts.push(job.attempt) });
    await waitFor('the released job to succeed here', async () => {
      return (await t.app.jobs.get(id))?.state === 'succeeded';
    });
    expect(attempts).toEqual([2]);
    const events = (await t.app.jobs.get(id))!.history.map((h) => h.event);
    expect(events).toContain('released');
    expect(events).not.toContain('lease-expired');
  } finally {
    await stopProcess(worker.child);
  }
}, 90_000);

test('pool size and HTTP timeouts from the environment reach the driver and the HTTP server', async () => {
  const tuned = await createTestApp(`${import.meta.filename}-settings`, {
    env: {
      MONGODB_POOL_SIZE: '7',
      HTTP_REQUEST_TIMEOUT_MS: '45000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
    },
  });
  try {
    expect(tuned.app.mongo.getClient().options.maxPoolSize).toBe(7);
    expect(tuned.app.server.requestTimeout).toBe(45_000);
    expect(tuned.app.server.keepAliveTimeout).toBe(65_000);
  } finally {
    await tuned.close();
  }
});
