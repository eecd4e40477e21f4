import { describe, expect, test } from 'vitest';
import type { FilingStatus } from '../schemas/filing-status.ts';
import type { SetFilingStatusBody } from '../schemas/filing.ts';
import {
  applyFilingTransition,
  checkFilingTransition,
  FILING_STATES,
  FILING_TRANSITIONS,
  NOT_SUBMITTED,
  RECORDED_FILING_STATES,
  type FilingState,
  type RecordedFilingState,
} from './status.ts';

const STARTED = '2026-03-09';

/** A body each recorded state accepts, dated `on`. */
function validBody(status: RecordedFilingState, on = '2026-06-01'): SetFilingStatusBody {
  switch (status) {
    case 'submitted':
      return { status, on, method: 'portal', reference: 'TX-2026-00042' };
    case 'certified':
      return { status, on, targetGroup: 'G', certificationNumber: 'C-123' };
    case 'denied':
      return { status, on, reason: 'Not a member of the target group claimed' };
    case 'held':
      return { status, on };
  }
}

/** A status in `state` whose dates are before 2026-06-01. */
function statusIn(state: FilingState): FilingStatus {
  if (state === 'not_submitted') return NOT_SUBMITTED;
  const submitted = applyFilingTransition(
    NOT_SUBMITTED,
    validBody('submitted', '2026-03-20'),
    STARTED,
  );
  if (state === 'submitted') return submitted;
  return applyFilingTransition(submitted, validBody(state, '2026-05-01'), STARTED);
}

const PAIRS = FILING_STATES.flatMap((from) =>
  RECORDED_FILING_STATES.map((to) => [from, to] as const),
);

describe('checkFilingTransition: the table', () => {
  test.each(PAIRS)('%s → %s', (from, to) => {
    const allowed = FILING_TRANSITIONS[from].includes(to);
    const check = checkFilingTransition(statusIn(from), validBody(to), STARTED);
    if (allowed) expect(check).toEqual({ ok: true });
    else expect(check).toMatchObject({ ok: false, code: 'FILING_TRANSITION_INVALID' });
  });

  test('the allowed moves are exactly these', () => {
    expect(PAIRS.filter(([from, to]) => FILING_TRANSITIONS[from].includes(to))).toEqual([
      ['not_submitted', 'submitted'],
      ['submitted', 'submitted'],
      ['submitted', 'certified'],
      ['submitted', 'denied'],
      ['submitted', 'held'],
      ['denied', 'certified'],
      ['held', 'certified'],
      ['held', 'denied'],
    ]);
  });

  test.each([
    ['not_submitted', 'certified', /Nothing was submitted yet/],
    ['certified', 'denied', /a certification is final/],
    ['denied', 'held', /denied cannot become held by the state/],
  ] as const)('%s → %s is explained: %s', (from, to, message) => {
    const check = checkFilingTransition(statusIn(from), validBody(to), STARTED);
    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });
});

describe('checkFilingTransition: the body', () => {
  const submitted = statusIn('submitted');
  test.each([
    [
      'a submission without its method',
      NOT_SUBMITTED,
      { status: 'submitted', on: '2026-03-20' },
      ['/body/method'],
    ],
    [
      'a certification without its target group',
      submitted,
      { status: 'certified', on: '2026-06-01' },
      ['/body/targetGroup'],
    ],
    [
      'a denial without a reason',
      submitted,
      { status: 'denied', on: '2026-06-01' },
      ['/body/reason'],
    ],
    [
      'a certification number on a denial',
      submitted,
      { status: 'denied', on: '2026-06-01', reason: 'Not eligible', certificationNumber: 'C-1' },
      ['/body/certificationNumber'],
    ],
    [
      'a method on a certification',
      submitted,
      { status: 'certified', on: '2026-06-01', targetGroup: 'G', method: 'mail' },
      ['/body/method'],
    ],
    [
      'a submission before the start',
      NOT_SUBMITTED,
      { status: 'submitted', on: '2026-03-08', method: 'mail' },
      ['/body/on'],
    ],
    [
      'a certification before the submission',
      submitted,
      { status: 'certified', on: '2026-03-19', targetGroup: 'G' },
      ['/body/on'],
    ],
    [
      'a certification before the hold',
      statusIn('held'),
      { status: 'certified', on: '2026-04-30', targetGroup: 'G' },
      ['/body/on'],
    ],
  ] as const)('%s is refused', (_what, current, body, paths) => {
    const check = checkFilingTransition(current, body as SetFilingStatusBody, STARTED);
    expect(check).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    if (!check.ok) expect(check.problems.map((p) => p.path)).toEqual(paths);
  });

  test('a held request needs no reason, and may carry one', () => {
    expect(checkFilingTransition(submitted, { status: 'held', on: '2026-04-01' }, STARTED)).toEqual(
      { ok: true },
    );
    expect(
      checkFilingTransition(
        submitted,
        { status: 'held', on: '2026-04-01', reason: 'Program not authorized' },
        STARTED,
      ),
    ).toEqual({ ok: true });
  });

  test('a correction of the submission may move its date, not before the start', () => {
    expect(checkFilingTransition(submitted, validBody('submitted', '2026-03-10'), STARTED)).toEqual(
      { ok: true },
    );
  });

  test('a date after today is refused when today is given', () => {
    const check = checkFilingTransition(
      NOT_SUBMITTED,
      validBody('submitted', '2026-03-21'),
      STARTED,
      '2026-03-20',
    );
    expect(check).toMatchObject({
      ok: false,
      problems: [{ path: '/body/on', message: 'is after today (2026-03-20)' }],
    });
  });

  test('without a confirmed start nothing can be recorded', () => {
    expect(checkFilingTransition(NOT_SUBMITTED, validBody('submitted'), null)).toMatchObject({
      ok: false,
      code: 'HIRE_DATES_MISSING',
    });
  });
});

describe('applyFilingTransition', () => {
  test.each([
    ['2026-04-06', false], // on the due day
    ['2026-04-07', true], // the day after: recorded, flagged late
  ])('a submission on %s is late: %s', (on, late) => {
    const status = applyFilingTransition(NOT_SUBMITTED, validBody('submitted', on), STARTED);
    expect(status).toEqual({
      state: 'submitted',
      submission: { on, method: 'portal', reference: 'TX-2026-00042', late },
      determination: null,
    });
  });

  test('a determination keeps the submission and records the state’s answer', () => {
    const certified = applyFilingTransition(
      statusIn('held'),
      validBody('certified', '2026-09-01'),
      STARTED,
    );
    expect(certified).toEqual({
      state: 'certified',
      submission: statusIn('submitted').submission,
      determination: {
        state: 'certified',
        on: '2026-09-01',
        targetGroup: 'G',
        certificationNumber: 'C-123',
        reason: null,
      },
    });
  });
});
