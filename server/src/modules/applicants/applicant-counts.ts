import { randomInt } from 'node:crypto';
import type { Connection, Model, Types } from 'mongoose';
import { updateCreatingFirst } from '../../lib/db/index.ts';
import { applicantCountsModel, type ApplicantCounts } from './applicant-counts.model.ts';
import type { Applicant } from './applicant.model.ts';

/**
 * The dashboard's counts kept with the writes (docs/applicants.md, "Counts"). Each applicant holds
 * `counted`, the state the organization's counters hold for it, and `countPending`, set by the
 * same write that changes its survey status, WOTC status or tag state (count-writes.ts). Settling
 * an applicant is a compare-and-set of `counted` to its current state, then one `$inc` of the
 * difference: whoever wins the compare-and-set adds it, so every change is added once however
 * many instances settle at the same time. Only a process dying between the two leaves a count
 * off; the repair job re-derives the counters from `counted`.
 */

export const COUNT_SHARDS = 8;

/** What the counters distinguish for one applicant. */
export interface CountedState {
  s: string;
  w: string;
  t: string;
}

type Counted = Pick<Applicant, '_id' | 'organizationId' | 'wotcStatus'> & {
  survey: { status: string };
  tagSync: { state: string };
  counted?: CountedState | null;
};

const COUNTED_FIELDS = {
  organizationId: 1,
  'survey.status': 1,
  wotcStatus: 1,
  'tagSync.state': 1,
  counted: 1,
} as const;

export const stateOf = (applicant: Counted): CountedState => ({
  s: applicant.survey.status,
  w: applicant.wotcStatus,
  t: applicant.tagSync.state,
});

const keysOf = (state: CountedState) => [`s_${state.s}`, `w_${state.w}`, `t_${state.t}`];

/** The `$inc` taking one applicant from `before` (null: not counted yet) to `after`. */
function difference(before: CountedState | null, after: CountedState): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const key of keysOf(after)) inc[key] = (inc[key] ?? 0) + 1;
  if (before) for (const key of keysOf(before)) inc[key] = (inc[key] ?? 0) - 1;
  return Object.fromEntries(Object.entries(inc).filter(([, n]) => n !== 0));
}

const shardId = (organizationId: Types.ObjectId, shard: number) =>
  `${organizationId.toHexString()}:${shard}`;

/** Adds `inc` to one of the organization's counter shards (any one: they are summed). */
export async function addToCounts(
  connection: Connection,
  organizationId: Types.ObjectId,
  inc: Record<string, number>,
  shard = randomInt(COUNT_SHARDS),
): Promise<void> {
  const entries = Object.entries(inc).filter(([, n]) => n !== 0);
  if (entries.length === 0) return;
  await updateCreatingFirst(
    applicantCountsModel(connection),
    { _id: shardId(organizationId, shard) },
    { $inc: { ...Object.fromEntries(entries.map(([k, n]) => [`n.${k}`, n])), v: 1 } },
    () => ({ organizationId, n: {}, v: 0 }),
  );
}

/**
 * Settles the applicants with `countPending` matching `scope` (an applicant id, an organization,
 * or every one): their counted state becomes their current state and the counters get the
 * difference. A compare-and-set that loses (another settler, or a write since the read) leaves the
 * applicant to whoever wins or to the next settle.
 */
export async function settleCounts(
  Applicants: Model<Applicant>,
  scope: { _id?: unknown; organizationId?: unknown },
): Promise<number> {
  const pending = await Applicants.find({ ...scope, countPending: true }, COUNTED_FIELDS, {
    skipTenant: true,
  }).lean<Counted[]>();
  let settled = 0;
  for (const applicant of pending) {
    // An applicant stored before the counts existed, not yet counted by `prepareCounts`.
    if (applicant.counted === undefined) continue;
    const before = applicant.counted ?? null;
    const after = stateOf(applicant);
    const won = await Applicants.updateOne(
      {
        _id: applicant._id,
        organizationId: applicant.organizationId,
        countPending: true,
        ...(before
          ? { 'counted.s': before.s, 'counted.w': before.w, 'counted.t': before.t }
          : { counted: null }),
        'survey.status': after.s,
        wotcStatus: after.w,
        'tagSync.state': after.t,
      },
      { $set: { counted: after, countPending: false } },
    );
    if (won.modifiedCount !== 1) continue;
    await addToCounts(Applicants.db, applicant.organizationId, difference(before, after));
    settled += 1;
  }
  return settled;
}

export interface Counters {
  /** Per key (`s_sent`, `w_pending`, `t_failed`…), summed over the shards. */
  n: Record<string, number>;
  /** How many additions the shards have had: changes whenever a count does. */
  v: number;
  /** Every applicant of the organization is counted (prepareCounts has run). */
  ready: boolean;
}

/** The organization's counters, summed over its shards (one read of at most 8 documents by id). */
export async function readCounts(
  connection: Connection,
  organizationId: Types.ObjectId,
): Promise<Counters> {
  const shards = await applicantCountsModel(connection)
    .find({
      _id: { $in: Array.from({ length: COUNT_SHARDS }, (_, i) => shardId(organizationId, i)) },
    })
    .lean<ApplicantCounts[]>();
  const n: Record<string, number> = {};
  let v = 0;
  for (const shard of shards) {
    v += shard.v;
    for (const [key, value] of Object.entries(shard.n ?? {})) n[key] = (n[key] ?? 0) + value;
  }
  return { n, v, ready: shards.some((shard) => shard.ready === true) };
}
