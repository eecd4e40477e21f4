import { createHash, randomUUID } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { insertEachOnce, insertOnce } from '../db/index.ts';
import {
  jobKeyModel,
  jobLeaseModel,
  jobModel,
  pausedGroupModel,
  type Job,
  type JobEvent,
} from './job.model.ts';
import { event, HISTORY_LIMIT, pushEvent, view, type JobView } from './job-view.ts';

export type { JobView };

export interface EnqueueOptions {
  organizationId?: Types.ObjectId;
  /** Dedupe: at most one job per (type, key), ever. */
  key?: string;
  runAt?: Date;
  group?: string;
}

const KEYED = 'k-';

/** The job's `_id`: derived from the key (so the unique `_id` dedupes), else random. */
function jobIdFor(type: string, key: string | undefined): string {
  if (key === undefined) return new Types.ObjectId().toHexString();
  return `${KEYED}${createHash('sha256').update(`${type}\0${key}`).digest('hex').slice(0, 40)}`;
}

export interface JobRetention {
  /** How long succeeded jobs, and leases, are kept (JOBS_RETENTION_DAYS). */
  retentionMs: number;
}

/**
 * The database side of the job queue: every read and write of its collections (dead jobs:
 * `dead-jobs.ts`). `retryForMs` names the time budget of a type, for the views.
 */
export function jobStore(
  connection: Connection,
  { retentionMs }: JobRetention,
  retryForMs: (type: string) => number | undefined = () => undefined,
) {
  const Jobs = jobModel(connection);
  const Leases = jobLeaseModel(connection);
  const Paused = pausedGroupModel(connection);
  const Keys = jobKeyModel(connection);
  const expiry = (from: Date) => new Date(from.getTime() + retentionMs);

  return {
    async enqueue(
      type: string,
      payload: unknown,
      maxAttempts: number | null,
      options: EnqueueOptions = {},
    ): Promise<{ id: string; created: boolean }> {
      const [result] = await this.enqueueMany(type, maxAttempts, [{ payload, options }]);
      if ('error' in result!) throw result.error;
      return result!;
    },

    /**
     * Stores jobs of one type in one round trip (after one read of the keys' tombstones and of the
     * groups' pauses): each item's `{ id, created }`, or the error that item met. `created: false`
     * when its key already had a job (a redelivery, a double click) — the existing job stands.
     */
    async enqueueMany(
      type: string,
      maxAttempts: number | null,
      items: Array<{ payload: unknown; options?: EnqueueOptions }>,
      /**
       * Which items to store, known only later (one flag per item): the reads start at once,
       * beside whatever decides; an item left out answers `created: false` and is not stored.
       */
      keep: Promise<boolean[]> | null = null,
    ): Promise<Array<{ id: string; created: boolean } | { error: unknown }>> {
      const now = new Date();
      const ids = items.map(({ options = {} }) => jobIdFor(type, options.key));
      const keyed = ids.filter((_, n) => items[n]!.options?.key !== undefined);
      const groups = [
        ...new Set(items.map((i) => i.options?.group).filter((g) => g !== undefined)),
      ];
      const [tombstones, paused, kept] = await Promise.all([
        keyed.length > 0 ? Keys.find({ _id: { $in: keyed } }, { _id: 1 }).lean() : [],
        groups.length > 0 ? Paused.find({ _id: { $in: groups } }, { _id: 1 }).lean() : [],
        keep ?? items.map(() => true),
      ]);
      // The key's job succeeded and was deleted after the retention: its tombstone still counts.
      const succeeded = new Set(tombstones.map((t) => t._id));
      const pausedGroups = new Set(paused.map((g) => g._id));
      /** Where each item's job is in `fresh` (-1: not stored: left out, or its key long done). */
      const positions: number[] = [];
      const fresh = items.flatMap(({ payload, options = {} }, n): Job[] => {
        const gone = succeeded.has(ids[n]!) || kept[n] !== true;
        positions.push(gone ? -1 : n - positions.filter((p) => p === -1).length);
        if (gone) return [];
        const group = options.group ?? null;
        return [
          {
            _id: ids[n]!,
            type,
            payload: payload ?? null,
            organizationId: options.organizationId
              ? new Types.ObjectId(options.organizationId)
              : null,
            key: options.key ?? null,
            group,
            state: group !== null && pausedGroups.has(group) ? 'paused' : 'queued',
            attempt: 0,
            freeAttempts: 0,
            maxAttempts,
            budgetStartedAt: now,
            revivable: false,
            runAt: options.runAt ?? now,
            lastError: null,
            leaseOwner: null,
            leaseExpiresAt: null,
            history: [event({ event: 'enqueued', attempt: 0 })],
            createdAt: now,
            updatedAt: now,
            finishedAt: null,
            expiresAt: null,
          },
        ];
      });
      const inserted = await insertEachOnce(Jobs, fresh);
      return ids.map((id, n) => {
        const answer = inserted[positions[n]!];
        if (!answer) return { id, created: false };
        if ('error' in answer) return { error: answer.error };
        // Lost: the same key again (a redelivery, a double click), and the existing job stands.
        return { id, created: answer.won };
      });
    },

    async get(id: string, organizationId?: Types.ObjectId): Promise<JobView | null> {
      const filter: Record<string, unknown> = { _id: id };
      if (organizationId !== undefined) filter.organizationId = organizationId;
      const job = await Jobs.findOne(filter).lean<Job>();
      return job ? view(job, retryForMs(job.type)) : null;
    },

    async pausedGroups(): Promise<string[]> {
      return (await Paused.find({}, { _id: 1 }).lean()).map((g) => g._id);
    },

    /**
     * Due jobs of the given types, oldest first: queued or retrying and due, or running with an
     * expired lease (its instance died). Paused groups are left out. A read only: see claim().
     */
    async due(types: string[], limit: number, now = new Date()): Promise<Job[]> {
      if (types.length === 0 || limit <= 0) return [];
      const paused = await this.pausedGroups();
      return Jobs.find({
        type: { $in: types },
        $or: [
          { state: { $in: ['queued', 'retrying'] }, runAt: { $lte: now } },
          { state: 'running', leaseExpiresAt: { $lt: now } },
        ],
        ...(paused.length ? { group: { $nin: paused } } : {}),
      })
        .sort({ runAt: 1 })
        .limit(limit)
        .lean<Job[]>();
    },

    /**
     * Claims the next attempt of `job` (as read by due()): inserts the lease `<id>:<attempt + 1>`.
     * Exactly one instance can; a claimer whose view of the job is stale loses because that lease
     * already exists. The job document then records the claim.
     */
    async claim(job: Job, owner: string, leaseMs: number): Promise<Job | null> {
      const attempt = job.attempt + 1;
      const now = new Date();
      const lease = { _id: `${job._id}:${attempt}`, jobId: job._id, owner, createdAt: now };
      const expiresAt = expiry(now);
      if (!(await insertOnce(() => Leases.create({ ...lease, expiresAt }))).won) return null;
      const history: Array<Omit<JobEvent, 'at'>> = [];
      if (job.state === 'running')
        history.push({
          event: 'lease-expired',
          attempt: job.attempt,
          error: 'its instance stopped renewing the lease',
        });
      history.push({ event: 'started', attempt });
      await Jobs.updateOne(
        { _id: job._id },
        {
          $set: {
            state: 'running',
            attempt,
            leaseOwner: owner,
            leaseExpiresAt: new Date(now.getTime() + leaseMs),
            updatedAt: now,
          },
          $push: { history: { $each: history.map(event), $slice: -HISTORY_LIMIT } },
        },
      );
      return { ...job, state: 'running', attempt };
    },

    /** Extends the lease while the handler runs; false when another instance took the job over. */
    async renew(id: string, attempt: number, owner: string, leaseMs: number): Promise<boolean> {
      const result = await Jobs.updateOne(
        { _id: id, attempt, leaseOwner: owner, state: 'running' },
        { $set: { leaseExpiresAt: new Date(Date.now() + leaseMs) } },
      );
      return result.matchedCount === 1;
    },

    /** Records the end of attempt `attempt`, unless another instance has taken the job over since. */
    async finish(
      id: string,
      attempt: number,
      owner: string,
      outcome:
        | { state: 'succeeded' }
        | {
            state: 'retrying' | 'queued';
            runAt: Date;
            error?: string;
            event: 'failed' | 'released';
          }
        | { state: 'dead'; error: string; revivable?: boolean }
        | { state: 'paused'; error: string },
    ): Promise<boolean> {
      const now = new Date();
      const set: Record<string, unknown> = {
        state: outcome.state,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
      };
      let entry: Omit<JobEvent, 'at'>;
      const inc: Record<string, number> = {};
      if (outcome.state === 'succeeded') {
        set.finishedAt = now;
        set.lastError = null;
        set.expiresAt = expiry(now);
        entry = { event: 'succeeded', attempt };
        // Before the job can expire: a keyed job leaves its key behind (job_keys).
        if (id.startsWith(KEYED))
          await insertOnce(() => Keys.create({ _id: id, succeededAt: now }));
      } else if (outcome.state === 'dead') {
        set.finishedAt = now;
        set.lastError = outcome.error;
        set.revivable = outcome.revivable ?? false;
        entry = { event: 'dead', attempt, error: outcome.error };
      } else if (outcome.state === 'paused') {
        set.lastError = outcome.error;
        inc.freeAttempts = 1; // waiting for a group does not use up an attempt
        entry = { event: 'paused', attempt, error: outcome.error };
      } else {
        set.runAt = outcome.runAt;
        if (outcome.error !== undefined) set.lastError = outcome.error;
        if (outcome.event === 'released') inc.freeAttempts = 1;
        entry = {
          event: outcome.event,
          attempt,
          ...(outcome.error ? { error: outcome.error } : {}),
        };
      }
      const result = await Jobs.updateOne(
        { _id: id, attempt, leaseOwner: owner },
        { $set: set, ...(Object.keys(inc).length ? { $inc: inc } : {}), $push: pushEvent(entry) },
      );
      return result.matchedCount === 1;
    },

    async pauseGroup(group: string, reason: string): Promise<void> {
      // Paused already: the first reason stands.
      await insertOnce(() => Paused.create({ _id: group, reason, pausedAt: new Date() }));
      await Jobs.updateMany(
        { group, state: { $in: ['queued', 'retrying'] } },
        {
          $set: { state: 'paused', updatedAt: new Date() },
          $push: pushEvent({ event: 'paused', attempt: 0, error: reason }),
        },
      );
    },

    async resumeGroup(group: string): Promise<void> {
      await Paused.deleteOne({ _id: group });
      const now = new Date();
      await Jobs.updateMany(
        { group, state: 'paused' },
        {
          $set: { state: 'queued', runAt: now, updatedAt: now },
          $push: pushEvent({ event: 'resumed', attempt: 0 }),
        },
      );
    },
  };
}

export type JobStore = ReturnType<typeof jobStore>;

/** A per-process instance id, for lease ownership and logs. */
export const newOwnerId = () => `${process.pid}-${randomUUID().slice(0, 8)}`;
