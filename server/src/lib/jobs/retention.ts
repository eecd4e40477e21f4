import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../db/index.ts';
import { jobKeyModel, jobLeaseModel, jobModel, type JobKey } from './job.model.ts';
import type { JobRetention } from './store.ts';

const BATCH = 1_000;

/**
 * Succeeded jobs and leases expire by TTL index at `expiresAt` (docs/jobs.md). Those written before
 * that (by a periodic cleanup, issue 18) have none: this gives them one, `retentionMs` from now,
 * after leaving a tombstone for each keyed job, so they converge with new ones. Run at boot; once
 * done it finds nothing (the queries use the TTL indexes' null entries).
 */
export async function expireLegacyJobs(
  connection: Connection,
  { retentionMs }: JobRetention,
): Promise<{ jobs: number; leases: number }> {
  const Jobs = jobModel(connection);
  const Keys = jobKeyModel(connection);
  const expiresAt = new Date(Date.now() + retentionMs);
  const legacy = { state: 'succeeded', expiresAt: null };

  const insertTombstones = async (batch: JobKey[]) => {
    if (batch.length === 0) return;
    try {
      await Keys.collection.insertMany(batch as never[], { ordered: false });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  };
  let batch: JobKey[] = [];
  const keyed = Jobs.find({ ...legacy, key: { $ne: null } }, { _id: 1, finishedAt: 1 })
    .lean<Array<{ _id: string; finishedAt: Date | null }>>()
    .cursor();
  for await (const job of keyed) {
    batch.push({ _id: job._id, succeededAt: job.finishedAt ?? expiresAt });
    if (batch.length === BATCH) {
      await insertTombstones(batch);
      batch = [];
    }
  }
  await insertTombstones(batch);

  const jobs = await Jobs.updateMany(legacy, { $set: { expiresAt } });
  const leases = await jobLeaseModel(connection).updateMany(
    { expiresAt: null },
    { $set: { expiresAt } },
  );
  return { jobs: jobs.modifiedCount, leases: leases.modifiedCount };
}
