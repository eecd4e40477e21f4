import type { Connection, Types } from 'mongoose';
import { jobModel, type Job } from './job.model.ts';
import { pushEvent } from './job-view.ts';

/** Most dead jobs one call requeues (they are rare: a dependency away longer than a budget). */
const REQUEUE_LIMIT = 1_000;

export interface DeadJobFilter {
  types: string[];
  organizationId?: Types.ObjectId;
  group?: string;
  /** Only jobs that died of an exhausted budget (automatic revival); false: every dead job. */
  onlyRevivable: boolean;
}

/**
 * Dead jobs back to work (docs/jobs.md, "Dead jobs and revival"): one (an admin's retry), all of
 * a kind (an admin's "Retry all"), those whose dependency is back (revival) or one per group as a
 * probe. Each requeue is a conditional update on the dead attempt, so concurrent callers (two
 * clicks, two instances) requeue a job once; the next attempt is still claimed by one lease.
 */
export function deadJobs(connection: Connection) {
  const Jobs = jobModel(connection);

  /** Dead → queued, due now, with a fresh budget (attempts and time). */
  async function requeue(
    job: Pick<Job, '_id' | 'attempt'>,
    event: 'retried' | 'revived',
    note?: string,
  ): Promise<boolean> {
    const now = new Date();
    const result = await Jobs.updateOne(
      { _id: job._id, state: 'dead', attempt: job.attempt },
      {
        $set: {
          state: 'queued',
          runAt: now,
          freeAttempts: job.attempt,
          budgetStartedAt: now,
          revivable: false,
          finishedAt: null,
          updatedAt: now,
        },
        $push: pushEvent({ event, attempt: job.attempt, ...(note ? { error: note } : {}) }),
      },
    );
    return result.matchedCount === 1;
  }

  const filterOf = (filter: DeadJobFilter) => ({
    type: { $in: filter.types },
    state: 'dead',
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.group !== undefined ? { group: filter.group } : {}),
    ...(filter.onlyRevivable ? { revivable: true } : {}),
  });

  return {
    /** One dead job (of the organization, when given) queued again; false when it is not dead. */
    async retry(id: string, organizationId?: Types.ObjectId): Promise<boolean> {
      const filter: Record<string, unknown> = { _id: id, state: 'dead' };
      if (organizationId !== undefined) filter.organizationId = organizationId;
      const job = await Jobs.findOne(filter, { _id: 1, attempt: 1 }).lean<Job>();
      return job ? requeue(job, 'retried') : false;
    },

    /** Every matching dead job queued again; returns how many this call requeued. */
    async requeueAll(filter: DeadJobFilter, event: 'retried' | 'revived'): Promise<number> {
      if (filter.types.length === 0) return 0;
      const jobs = await Jobs.find(filterOf(filter), { _id: 1, attempt: 1 })
        .limit(REQUEUE_LIMIT)
        .lean<Array<Pick<Job, '_id' | 'attempt'>>>();
      let count = 0;
      for (const job of jobs) if (await requeue(job, event)) count += 1;
      return count;
    },

    /**
     * The oldest revivable dead job of each type and group, queued again as a probe of its
     * dependency: when it succeeds, its success revives the others (`requeueAll`).
     */
    async probe(types: string[]): Promise<number> {
      if (types.length === 0) return 0;
      const jobs = await Jobs.find(filterOf({ types, onlyRevivable: true }), {
        _id: 1,
        attempt: 1,
        type: 1,
        group: 1,
      })
        .sort({ finishedAt: 1 })
        .limit(REQUEUE_LIMIT)
        .lean<Array<Pick<Job, '_id' | 'attempt' | 'type' | 'group'>>>();
      const seen = new Set<string>();
      let count = 0;
      for (const job of jobs) {
        const key = `${job.type}\0${job.group ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (await requeue(job, 'revived', 'a probe: is its dependency back?')) count += 1;
      }
      return count;
    },

    /** Dead jobs of the organization, per type. */
    async countByType(
      organizationId: Types.ObjectId,
      types: string[],
    ): Promise<Map<string, number>> {
      const rows = await Jobs.aggregate<{ _id: string; count: number }>([
        { $match: { organizationId, state: 'dead', type: { $in: types } } },
        { $group: { _id: '$type', count: { $sum: 1 } } },
      ]);
      return new Map(rows.map((row) => [row._id, row.count]));
    },
  };
}

export type DeadJobs = ReturnType<typeof deadJobs>;
