import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ttlSecondsOf } from '../support/ttl.ts';
import { waitFor } from '../support/wait.ts';

/**
 * How long jobs are kept (docs/jobs.md, "Retention"): TTL indexes on `expiresAt`, set when a job
 * succeeds and when a lease is taken. Checked without waiting for the TTL monitor.
 */
const env = { JOBS_POLL_INTERVAL_MS: '50', JOBS_LEASE_MS: '1500' };
const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(import.meta.filename, { env: { ...env, JOBS_RETENTION_DAYS: '3' } });
});
afterAll(() => t?.close());

const stateOf = async (app: TestApp, id: string) => (await app.app.jobs.get(id))?.state;
const until = (app: TestApp, id: string, state: string) =>
  waitFor(`job ${id} to be ${state}`, async () => (await stateOf(app, id)) === state);

describe('retention (JOBS_RETENTION_DAYS, by TTL index)', () => {
  test('a succeeded job expires JOBS_RETENTION_DAYS after it finished, a keyed one leaves a tombstone that dedupes once it is gone, a dead one never expires', async () => {
    expect(await ttlSecondsOf(t.db, 'jobs', 'expiresAt')).toBe(0);
    expect(await ttlSecondsOf(t.db, 'job_leases', 'expiresAt')).toBe(0);
    const type = `retention-${Date.now().toString(36)}`;
    t.app.jobs.define<{ fail?: boolean }>(type, {
      maxAttempts: 1,
      handler: async (job) => {
        if (job.payload.fail) throw new Error('no');
      },
    });
    const plain = await t.app.jobs.enqueue(type, {});
    const keyed = await t.app.jobs.enqueue(type, {}, { key: 'once' });
    const dead = await t.app.jobs.enqueue(type, { fail: true });
    await until(t, plain.id, 'succeeded');
    await until(t, keyed.id, 'succeeded');
    await until(t, dead.id, 'dead');

    const jobs = t.db.collection('jobs');
    for (const { id } of [plain, keyed]) {
      const job = await jobs.findOne({ _id: id as never });
      expect(job!.expiresAt.getTime() - job!.finishedAt.getTime()).toBe(3 * DAY);
    }
    expect((await jobs.findOne({ _id: dead.id as never }))!.expiresAt).toBeNull();
    const leases = await t.db.collection('job_leases').find().toArray();
    expect(leases).toHaveLength(3);
    for (const lease of leases)
      expect(lease.expiresAt.getTime() - lease.createdAt.getTime()).toBe(3 * DAY);

    // What the TTL monitor does after the retention; the key's tombstone still admits no job.
    await jobs.deleteOne({ _id: keyed.id as never });
    expect(await t.db.collection('job_keys').findOne({ _id: keyed.id as never })).not.toBeNull();
    expect(await t.app.jobs.enqueue(type, {}, { key: 'once' })).toEqual({
      id: keyed.id,
      created: false,
    });
    expect(await jobs.findOne({ _id: keyed.id as never })).toBeNull();
  });

  test('jobs and leases stored before the TTL indexes get an expiry (and keyed ones a tombstone) at boot', async () => {
    const first = await createTestApp(`${import.meta.filename}-legacy`, { env });
    const finishedAt = new Date(Date.now() - DAY);
    const legacy = (id: string, key: string | null, state: string) => ({
      _id: id,
      type: 'legacy',
      payload: null,
      key,
      state,
      attempt: 1,
      history: [],
      runAt: finishedAt,
      createdAt: finishedAt,
      updatedAt: finishedAt,
      finishedAt,
    });
    await first.db
      .collection('jobs')
      .insertMany([
        legacy('legacy-plain', null, 'succeeded'),
        legacy('k-legacy-keyed', 'old-key', 'succeeded'),
        legacy('legacy-dead', null, 'dead'),
      ] as never[]);
    await first.db.collection('job_leases').insertOne({
      _id: 'legacy-plain:1',
      jobId: 'legacy-plain',
      owner: 'gone',
      createdAt: finishedAt,
    } as never);
    const booted = Date.now();
    const second = await createTestApp(`${import.meta.filename}-legacy`, {
      env,
      databaseOf: first,
    });
    try {
      const jobs = first.db.collection('jobs');
      const expiry = async (id: string) =>
        ((await jobs.findOne({ _id: id as never }))!.expiresAt as Date | null)?.getTime() ?? null;
      const retention = second.config.jobs.retentionMs;
      expect(await expiry('legacy-plain')).toBeGreaterThanOrEqual(booted + retention);
      expect(await expiry('k-legacy-keyed')).toBeGreaterThanOrEqual(booted + retention);
      expect(await expiry('legacy-dead')).toBeNull();
      expect(
        await first.db.collection('job_keys').findOne({ _id: 'k-legacy-keyed' as never }),
      ).toMatchObject({
        succeededAt: finishedAt,
      });
      const lease = await first.db
        .collection('job_leases')
        .findOne({ _id: 'legacy-plain:1' as never });
      expect(lease!.expiresAt.getTime()).toBeGreaterThanOrEqual(booted + retention);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
