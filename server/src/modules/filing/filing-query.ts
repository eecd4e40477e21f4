import { Types, type FilterQuery } from 'mongoose';
import {
  FILING_DEADLINE_DAYS,
  filingBucket,
  filingBucketCriteria,
  type FilingBucket,
} from '@eligo/shared/filing';
import { addDays } from '@eligo/shared/wotc/dates';
import { AppError } from '../../lib/app-error.ts';
import { FILING_PHASES, type Applicant, type FilingPhase } from '../applicants/index.ts';

/**
 * The Filing buckets as queries on the facts stored with each hire (docs/filing.md §7). What
 * depends on today (the deadline ranges) and on the employer profile (its completeness) is added
 * here, at read time; `filingBucketCriteria` (shared, proven to agree with `filingBucket`) says
 * what each bucket means.
 */

/** Every hire on the Filing screen. */
export const LISTED: FilterQuery<Applicant> = { 'filing.phase': { $in: [...FILING_PHASES] } };

/**
 * One bucket's condition, or `null` when nothing can be in it (ready while the employer profile is
 * incomplete). Each is an equality on the phase (and on `complete`, as one or two values) and a
 * range on `sortOn`: index ranges of `{organizationId, phase, complete, sortOn, _id}`.
 */
export function bucketFilter(
  bucket: FilingBucket,
  today: string,
  profileComplete: boolean,
): FilterQuery<Applicant> | null {
  const criteria = filingBucketCriteria(bucket, today);
  const filter: Record<string, unknown> = {};
  if (criteria.filed) filter['filing.phase'] = 'filed' satisfies FilingPhase;
  else if (criteria.started === undefined)
    filter['filing.phase'] = { $in: ['needs_start_date', 'open'] };
  else filter['filing.phase'] = criteria.started ? 'open' : 'needs_start_date';
  if (criteria.complete === true) {
    if (!profileComplete) return null;
    filter['filing.complete'] = true;
  } else if (criteria.complete === false) {
    // Without a complete employer profile every hire misses something.
    filter['filing.complete'] = profileComplete ? false : { $in: [false, true] };
  }
  if (criteria.dueOn) {
    filter['filing.sortOn'] = {
      ...(criteria.dueOn.from !== undefined ? { $gte: criteria.dueOn.from } : {}),
      ...(criteria.dueOn.through !== undefined ? { $lte: criteria.dueOn.through } : {}),
    };
  }
  return filter;
}

/** The bucket of stored facts, through `filingBucket` itself (the summary's groups). */
export function bucketOfFacts(
  facts: { phase: FilingPhase; complete: boolean; sortOn: string },
  today: string,
  profileComplete: boolean,
): FilingBucket {
  return filingBucket({
    // In phase `open`, sortOn is the due day of the confirmed start.
    startedOn: facts.phase === 'open' ? addDays(facts.sortOn, -FILING_DEADLINE_DAYS) : null,
    state: facts.phase === 'filed' ? 'submitted' : 'not_submitted',
    missing: facts.complete && profileComplete ? [] : ['employer_profile'],
    today,
  });
}

interface Cursor {
  v: string;
  id: string;
}

export function encodeFilingCursor(row: Pick<Applicant, '_id' | 'filing'>): string {
  const cursor: Cursor = { v: row.filing?.sortOn ?? '', id: row._id.toHexString() };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The rows after the cursor's in (sortOn, _id) order: keyset pages, as on the applicants list. */
export function afterFilingCursor(cursor: string): FilterQuery<Applicant> {
  let parsed: Cursor | null = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
  } catch {
    // handled below
  }
  if (typeof parsed?.v !== 'string' || !Types.ObjectId.isValid(parsed.id)) {
    throw AppError.validation(
      [{ path: '/querystring/cursor', message: 'is not a cursor of this list' }],
      'The page cursor is not valid: start again from the first page',
    );
  }
  const id = new Types.ObjectId(parsed.id);
  return {
    'filing.sortOn': { $gte: parsed.v },
    $or: [{ 'filing.sortOn': { $gt: parsed.v } }, { _id: { $gt: id } }],
  };
}
