import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection, Types } from 'mongoose';
import { updateCreatingFirst } from '../../lib/db/index.ts';
import { addToCounts, readCounts, settleCounts, type CountedState } from './applicant-counts.ts';
import { applicantCountsModel } from './applicant-counts.model.ts';
import { applicantModel } from './applicant.model.ts';

/**
 * Counting the applicants stored before the counts existed (or written around the model), and the
 * repair job that re-derives the counters (docs/applicants.md, "Counts").
 */

interface StateGroup {
  _id: CountedState;
  n: number;
}

/** The applicants matching `match`, per state: their current one, or their `counted` one. */
function groupByState(
  connection: Connection,
  match: Record<string, unknown>,
  of: 'current' | 'counted',
): Promise<StateGroup[]> {
  const paths =
    of === 'current'
      ? { s: '$survey.status', w: '$wotcStatus', t: '$tagSync.state' }
      : { s: '$counted.s', w: '$counted.w', t: '$counted.t' };
  return applicantModel(connection).aggregate<StateGroup>([
    { $match: match },
    { $group: { _id: paths, n: { $sum: 1 } } },
  ]);
}

/** Per counter key, as the counters hold them. */
function keyed(groups: StateGroup[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const { _id, n: count } of groups)
    for (const key of [`s_${_id.s}`, `w_${_id.w}`, `t_${_id.t}`]) n[key] = (n[key] ?? 0) + count;
  return n;
}

/**
 * Counts the organization's applicants that have no `counted` yet, one state at a time: an update
 * of the applicants in that state sets `counted` (per document atomic, so an applicant whose state
 * changes meanwhile is left for the next round) and the counters get as many as it changed.
 * Concurrent runs count each applicant once. Then marks the organization's counters ready.
 */
export async function prepareCounts(
  connection: Connection,
  organizationId: Types.ObjectId,
): Promise<void> {
  const Applicants = applicantModel(connection);
  const uncounted = { organizationId, counted: { $exists: false } };
  for (let round = 0; round < 5; round++) {
    const groups = await groupByState(connection, uncounted, 'current');
    if (groups.length === 0) {
      await updateCreatingFirst(
        applicantCountsModel(connection),
        { _id: `${organizationId.toHexString()}:0` },
        { $set: { ready: true } },
        () => ({ organizationId, n: {}, v: 0 }),
      );
      return;
    }
    for (const { _id: state } of groups) {
      const result = await Applicants.updateMany(
        {
          ...uncounted,
          'survey.status': state.s,
          wotcStatus: state.w,
          'tagSync.state': state.t,
        },
        // Not a counted path: the write-time hook leaves it alone (count-writes.ts).
        { $set: { counted: state } },
      );
      if (result.modifiedCount > 0)
        await addToCounts(
          connection,
          organizationId,
          keyed([{ _id: state, n: result.modifiedCount }]),
        );
    }
  }
}

/** The counts grouped from the applicants themselves (what the dashboard read before). */
export async function groupedCounts(
  connection: Connection,
  organizationId: Types.ObjectId,
): Promise<Record<string, number>> {
  return keyed(await groupByState(connection, { organizationId }, 'current'));
}

/** What the organization's counters should be: the sum of every applicant's `counted`. */
async function derivedCounts(
  connection: Connection,
  organizationId: Types.ObjectId,
): Promise<Record<string, number>> {
  return keyed(
    await groupByState(connection, { organizationId, counted: { $ne: null } }, 'counted'),
  );
}

/** The derived counts minus the counters, when no count moved while they were derived. */
async function drift(
  connection: Connection,
  organizationId: Types.ObjectId,
): Promise<Record<string, number> | null> {
  const before = await readCounts(connection, organizationId);
  const derived = await derivedCounts(connection, organizationId);
  const after = await readCounts(connection, organizationId);
  if (before.v !== after.v) return null;
  const keys = new Set([...Object.keys(derived), ...Object.keys(after.n)]);
  const off: Record<string, number> = {};
  for (const key of keys) {
    const difference = (derived[key] ?? 0) - (after.n[key] ?? 0);
    if (difference !== 0) off[key] = difference;
  }
  return off;
}

const same = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

export interface RepairResult {
  /** The difference added to the counters (empty when none was off). */
  corrected: Record<string, number>;
}

/**
 * Settles what is pending, counts what was never counted, then compares the counters with the sum
 * of the applicants' `counted`. A difference is corrected only when it is seen twice, `confirmMs`
 * apart, with no count moving during either look: a settle between its compare-and-set and its
 * `$inc` looks like a difference for a moment, and must not be added twice. The correction is an
 * `$inc`, so writes settled meanwhile are kept.
 */
export async function repairCounts(
  connection: Connection,
  organizationId: Types.ObjectId,
  confirmMs = 5_000,
): Promise<RepairResult> {
  await settleCounts(applicantModel(connection), { organizationId });
  await prepareCounts(connection, organizationId);
  const first = await drift(connection, organizationId);
  if (!first || Object.keys(first).length === 0) return { corrected: {} };
  await sleep(confirmMs);
  const second = await drift(connection, organizationId);
  if (!second || !same(first, second)) return { corrected: {} };
  await addToCounts(connection, organizationId, second, 0);
  return { corrected: second };
}

/** The repair job: every organization that has counters. */
export async function repairAllCounts(connection: Connection): Promise<number> {
  const organizations = (await applicantCountsModel(connection).distinct(
    'organizationId',
  )) as Types.ObjectId[];
  let corrected = 0;
  for (const organizationId of organizations) {
    const result = await repairCounts(connection, organizationId);
    if (Object.keys(result.corrected).length > 0) corrected += 1;
  }
  return corrected;
}
