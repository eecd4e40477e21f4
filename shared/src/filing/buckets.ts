import { addDays, compareIsoDates } from '../wotc/dates.ts';
import { DUE_SOON_DAYS, daysLeft, filingDueOn } from './deadline.ts';
import type { FilingMissing } from './missing.ts';
import type { FilingState } from './status.ts';

/**
 * The Filing screen's buckets (docs/filing.md §4). Every hire is in exactly one, decided in this
 * order:
 * 1. `filed`: anything was recorded as submitted (then certified, denied or held), whatever else;
 * 2. `needs_start_date`: no confirmed start date (so no deadline yet);
 * 3. `overdue`: the due day has passed (filing now is late; it stays here until filed);
 * 4. `ready`: nothing missing and the due day not passed;
 * 5. `due_soon`: something missing and 0–7 days left (the due day itself counts);
 * 6. `in_progress`: something missing and 8 or more days left. Not one of issue 19's five: without
 *    it, a hire missing a signature with 20 days left would be in none of them.
 */
export const FILING_BUCKETS = [
  'needs_start_date',
  'due_soon',
  'overdue',
  'in_progress',
  'ready',
  'filed',
] as const;
export type FilingBucket = (typeof FILING_BUCKETS)[number];

export const FILING_BUCKET_LABELS: Record<FilingBucket, string> = {
  needs_start_date: 'Needs a start date',
  due_soon: 'Due within 7 days',
  overdue: 'Overdue',
  in_progress: 'In progress',
  ready: 'Ready to file',
  filed: 'Filed',
};

/** What a hire's bucket depends on (besides today). */
export interface FilingBucketFacts {
  /** The confirmed start date (an anticipated one does not count). */
  startedOn: string | null;
  state: FilingState;
  missing: readonly FilingMissing[];
}

export function filingBucket(facts: FilingBucketFacts & { today: string }): FilingBucket {
  if (facts.state !== 'not_submitted') return 'filed';
  if (facts.startedOn === null) return 'needs_start_date';
  const left = daysLeft(filingDueOn(facts.startedOn), facts.today);
  if (left < 0) return 'overdue';
  if (facts.missing.length === 0) return 'ready';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'in_progress';
}

/**
 * A bucket as conditions on stored fields, for a database query that must agree with
 * `filingBucket` (the property test proves they do). All given conditions hold together:
 * `filed` (status is not `not_submitted`), `started` (a confirmed start date exists), `complete`
 * (nothing missing), `dueOn` within `from`…`through`, both inclusive.
 */
export interface FilingBucketCriteria {
  filed: boolean;
  started?: boolean;
  complete?: boolean;
  dueOn?: { from?: string; through?: string };
}

export function filingBucketCriteria(bucket: FilingBucket, today: string): FilingBucketCriteria {
  const open = { filed: false, started: true } as const;
  switch (bucket) {
    case 'filed':
      return { filed: true };
    case 'needs_start_date':
      return { filed: false, started: false };
    case 'overdue':
      return { ...open, dueOn: { through: addDays(today, -1) } };
    case 'ready':
      return { ...open, complete: true, dueOn: { from: today } };
    case 'due_soon':
      return {
        ...open,
        complete: false,
        dueOn: { from: today, through: addDays(today, DUE_SOON_DAYS) },
      };
    case 'in_progress':
      return { ...open, complete: false, dueOn: { from: addDays(today, DUE_SOON_DAYS + 1) } };
  }
}

/** Whether a hire meets the criteria: the in-memory reading of what the query asks. */
export function matchesFilingBucketCriteria(
  criteria: FilingBucketCriteria,
  facts: FilingBucketFacts,
): boolean {
  if ((facts.state !== 'not_submitted') !== criteria.filed) return false;
  if (criteria.started !== undefined && (facts.startedOn !== null) !== criteria.started)
    return false;
  if (criteria.complete !== undefined && (facts.missing.length === 0) !== criteria.complete) {
    return false;
  }
  if (criteria.dueOn) {
    if (facts.startedOn === null) return false;
    const dueOn = filingDueOn(facts.startedOn);
    const { from, through } = criteria.dueOn;
    if (from !== undefined && compareIsoDates(dueOn, from) < 0) return false;
    if (through !== undefined && compareIsoDates(dueOn, through) > 0) return false;
  }
  return true;
}
