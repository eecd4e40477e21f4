import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import { applicantFilingSchema } from '../schemas/filing-status.ts';
import { describeFiling, type DescribeFilingInput } from './describe-filing.ts';
import { SAMPLE_EMPLOYER, SAMPLE_HIRE } from './filing-fixtures.ts';
import { NOT_SUBMITTED } from './status.ts';

const HIRE = SAMPLE_HIRE;

const INPUT: DescribeFilingInput = {
  hire: HIRE,
  status: NOT_SUBMITTED,
  employer: SAMPLE_EMPLOYER,
  // 20:30 on 2 March in Austin (Central), already 3 March in UTC.
  applicantSignedAt: '2026-03-03T02:30:00.000Z',
  employerSignature: { signedAt: '2026-03-10T16:20:00.000Z', signedBy: 'Sam Ortiz' },
  timeZone: 'America/Chicago',
  // 23:30 on 30 March in Chicago: still 30 March there.
  now: new Date('2026-03-31T04:30:00Z'),
};

describe('describeFiling', () => {
  test('a complete hire: due 28 days after the start, counted in the organization’s zone', () => {
    const filing = describeFiling(INPUT);
    expect(filing).toMatchObject({
      dueOn: '2026-04-06',
      dueOnBasis: 'started',
      daysLeft: 7,
      bucket: 'ready',
      missing: [],
      screenedAfterOffer: null,
      programAuthorized: false, // started after 2025-12-31: the state will hold it
    });
    expect(Value.Check(applicantFilingSchema, filing)).toBe(true);
  });

  test('the signing day is read in the organization’s zone (UTC would say after the offer)', () => {
    const late = describeFiling({ ...INPUT, timeZone: 'America/New_York' });
    // 21:30 on 2 March in New York: still in time. In Guam it is already 3 March noon.
    expect(late.screenedAfterOffer).toBeNull();
    const guam = describeFiling({
      ...INPUT,
      timeZone: 'Pacific/Guam',
      hire: { ...HIRE, offeredOn: '2026-03-02' },
    });
    expect(guam.screenedAfterOffer).toMatchObject({
      signedOn: '2026-03-03',
      comparedWith: 'offeredOn',
    });
    expect(guam.missing).toEqual(['screened_after_offer']);
  });

  test('without a confirmed start: needs a start date, due date estimated from the anticipated start', () => {
    const filing = describeFiling({ ...INPUT, hire: { ...HIRE, startedOn: null } });
    expect(filing).toMatchObject({
      dueOn: '2026-04-06',
      dueOnBasis: 'anticipated_start',
      bucket: 'needs_start_date',
      missing: ['start_date'],
    });
    const unknown = describeFiling({
      ...INPUT,
      hire: { ...HIRE, startedOn: null, anticipatedStartOn: null },
    });
    expect(unknown).toMatchObject({
      dueOn: null,
      dueOnBasis: null,
      daysLeft: null,
      programAuthorized: null,
    });
  });

  test('the program authorization follows the operator setting', () => {
    expect(describeFiling({ ...INPUT, authorizedThrough: '2030-12-31' }).programAuthorized).toBe(
      true,
    );
  });

  test('without the employer signature: due soon; the signatures are reported', () => {
    const filing = describeFiling({ ...INPUT, employerSignature: null });
    expect(filing).toMatchObject({ bucket: 'due_soon', missing: ['employer_signature'] });
    expect(filing.signatures).toEqual({
      applicantSignedAt: '2026-03-03T02:30:00.000Z',
      employerSignedAt: null,
      employerSignedBy: null,
    });
  });
});
