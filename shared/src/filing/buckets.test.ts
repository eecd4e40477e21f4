import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays } from '../wotc/dates.ts';
import {
  FILING_BUCKETS,
  filingBucket,
  filingBucketCriteria,
  matchesFilingBucketCriteria,
  type FilingBucketFacts,
} from './buckets.ts';
import { FILING_MISSING, type FilingMissing } from './missing.ts';
import { FILING_STATES } from './status.ts';

const TODAY = '2026-03-20';
/** A start date that leaves `left` days to the deadline on TODAY. */
const startedFor = (left: number) => addDays(TODAY, left - 28);
const SIGNATURE: FilingMissing[] = ['employer_signature'];

describe('filingBucket', () => {
  test.each([
    // [what, facts, bucket]
    [
      'no start date, nothing else known',
      { startedOn: null, missing: ['start_date'] },
      'needs_start_date',
    ],
    ['no start date but otherwise complete', { startedOn: null, missing: [] }, 'needs_start_date'],
    [
      '8 days left, a signature missing',
      { startedOn: startedFor(8), missing: SIGNATURE },
      'in_progress',
    ],
    [
      '7 days left, a signature missing',
      { startedOn: startedFor(7), missing: SIGNATURE },
      'due_soon',
    ],
    [
      'due today, a signature missing',
      { startedOn: startedFor(0), missing: SIGNATURE },
      'due_soon',
    ],
    [
      'one day overdue, a signature missing',
      { startedOn: startedFor(-1), missing: SIGNATURE },
      'overdue',
    ],
    [
      '20 days left, a signature missing',
      { startedOn: startedFor(20), missing: SIGNATURE },
      'in_progress',
    ],
    ['20 days left, nothing missing', { startedOn: startedFor(20), missing: [] }, 'ready'],
    ['7 days left, nothing missing', { startedOn: startedFor(7), missing: [] }, 'ready'],
    ['due today, nothing missing', { startedOn: startedFor(0), missing: [] }, 'ready'],
    ['one day overdue, nothing missing', { startedOn: startedFor(-1), missing: [] }, 'overdue'],
    ['started today', { startedOn: TODAY, missing: SIGNATURE }, 'in_progress'],
    [
      'screened after the offer, 3 days left',
      { startedOn: startedFor(3), missing: ['screened_after_offer'] },
      'due_soon',
    ],
    ['started last year, long overdue', { startedOn: '2025-11-02', missing: SIGNATURE }, 'overdue'],
  ] as const)('%s → %s', (_what, facts, bucket) => {
    expect(filingBucket({ ...facts, state: 'not_submitted', today: TODAY })).toBe(bucket);
  });

  test.each(['submitted', 'certified', 'denied', 'held'] as const)(
    'anything %s is filed, even late or without a start date',
    (state) => {
      expect(
        filingBucket({ startedOn: startedFor(-40), state, missing: SIGNATURE, today: TODAY }),
      ).toBe('filed');
      expect(filingBucket({ startedOn: null, state, missing: ['start_date'], today: TODAY })).toBe(
        'filed',
      );
    },
  );

  test('the deadline counts across Feb 29 and the year end', () => {
    // Started 2028-02-01 → due 2028-02-29.
    const facts = { startedOn: '2028-02-01', state: 'not_submitted', missing: SIGNATURE } as const;
    expect(filingBucket({ ...facts, today: '2028-02-21' })).toBe('in_progress'); // 8 days left
    expect(filingBucket({ ...facts, today: '2028-02-22' })).toBe('due_soon'); // 7 days left
    expect(filingBucket({ ...facts, today: '2028-02-29' })).toBe('due_soon'); // due today
    expect(filingBucket({ ...facts, today: '2028-03-01' })).toBe('overdue');
    // Started 2026-12-20 → due 2027-01-17.
    const december = { ...facts, startedOn: '2026-12-20' };
    expect(filingBucket({ ...december, today: '2027-01-10' })).toBe('due_soon');
    expect(filingBucket({ ...december, today: '2027-01-18' })).toBe('overdue');
  });
});

const day = fc.integer({ min: -60, max: 60 }).map((offset) => addDays(TODAY, offset));
const factsArb: fc.Arbitrary<FilingBucketFacts> = fc.record({
  startedOn: fc.option(day),
  state: fc.constantFrom(...FILING_STATES),
  missing: fc.subarray([...FILING_MISSING]),
});

describe('every hire is in exactly one bucket', () => {
  test('and the query criteria of that bucket, and only those, match it (property)', () => {
    fc.assert(
      fc.property(factsArb, day, (facts, today) => {
        const bucket = filingBucket({ ...facts, today });
        const matching = FILING_BUCKETS.filter((b) =>
          matchesFilingBucketCriteria(filingBucketCriteria(b, today), facts),
        );
        expect(matching).toEqual([bucket]);
      }),
      { numRuns: 2000 },
    );
  });

  test('an unfiled hire only moves towards overdue as days pass (property)', () => {
    const order = ['in_progress', 'due_soon', 'overdue'];
    fc.assert(
      fc.property(
        day,
        fc.subarray([...FILING_MISSING], { minLength: 1 }),
        day,
        (startedOn, missing, today) => {
          const facts = { startedOn, state: 'not_submitted', missing } as const;
          const now = order.indexOf(filingBucket({ ...facts, today }));
          const tomorrow = order.indexOf(filingBucket({ ...facts, today: addDays(today, 1) }));
          expect(tomorrow).toBeGreaterThanOrEqual(now);
        },
      ),
    );
  });
});
