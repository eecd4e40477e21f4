import { describe, expect, test } from 'vitest';
import { ErrorCode, errorStatus } from '../errors.ts';
import { EMPTY_EMPLOYER_PROFILE } from './employer.ts';
import { SAMPLE_EMPLOYER, SAMPLE_HIRE } from './filing-fixtures.ts';
import {
  FILING_MISSING,
  FILING_MISSING_ERRORS,
  filingBlocker,
  filingMissing,
  type FilingMissingInput,
} from './missing.ts';

const READY: FilingMissingInput = {
  employer: SAMPLE_EMPLOYER,
  hire: SAMPLE_HIRE,
  applicantSigned: true,
  employerSigned: true,
  screenedAfterOffer: null,
};

describe('filingMissing', () => {
  test('nothing is missing from a complete hire', () => {
    expect(filingMissing(READY)).toEqual([]);
  });

  test.each([
    ['the employer profile', { employer: { ...SAMPLE_EMPLOYER, ein: null } }, ['employer_profile']],
    ['no employer profile saved', { employer: null }, ['employer_profile']],
    ['the start date', { hire: { ...READY.hire!, startedOn: null } }, ['start_date']],
    ['the offer date', { hire: { ...READY.hire!, offeredOn: null } }, ['hire_dates']],
    ['the hire date', { hire: { ...READY.hire!, hiredOn: null } }, ['hire_dates']],
    ['the wage', { hire: { ...READY.hire!, startingWage: null } }, ['hire_details']],
    ['a wage of zero is known', { hire: { ...READY.hire!, startingWage: 0 } }, []],
    ['the state', { hire: { ...READY.hire!, employedInState: null } }, ['hire_details']],
    ['no hire at all', { hire: null }, ['start_date', 'hire_dates', 'hire_details']],
    ["the applicant's signature", { applicantSigned: false }, ['applicant_signature']],
    ["the employer's signature", { employerSigned: false }, ['employer_signature']],
    [
      'screened after the offer',
      {
        screenedAfterOffer: {
          signedOn: '2026-03-04',
          offeredOn: '2026-03-03',
          hiredOn: '2026-03-05',
          comparedWith: 'offeredOn',
        },
      },
      ['screened_after_offer'],
    ],
    [
      'the employer left out: only the hire’s own items',
      { employer: undefined, employerSigned: false },
      ['employer_signature'],
    ],
  ] as const)('%s', (_what, change, missing) => {
    expect(filingMissing({ ...READY, ...change })).toEqual(missing);
  });

  test('everything missing comes in the fixed order', () => {
    const all = filingMissing({
      employer: EMPTY_EMPLOYER_PROFILE,
      hire: null,
      applicantSigned: false,
      employerSigned: false,
      screenedAfterOffer: {
        signedOn: '2026-03-04',
        offeredOn: '2026-03-03',
        hiredOn: null,
        comparedWith: 'offeredOn',
      },
    });
    expect(all).toEqual([...FILING_MISSING]);
  });
});

describe('filingBlocker: the 409 a form route answers', () => {
  test('every missing item has a 409 code', () => {
    for (const item of FILING_MISSING) expect(errorStatus[FILING_MISSING_ERRORS[item]]).toBe(409);
  });

  test.each([
    [[], [], null],
    [
      ['employer_signature'],
      [],
      { code: ErrorCode.EmployerSignatureMissing, item: 'employer_signature' },
    ],
    [['employer_signature'], ['employer_signature'], null],
    [['start_date', 'hire_dates'], [], { code: ErrorCode.HireDatesMissing, item: 'start_date' }],
    [
      ['employer_profile', 'start_date'],
      [],
      { code: ErrorCode.EmployerProfileIncomplete, item: 'employer_profile' },
    ],
    // Nothing an admin does fixes a survey signed after the offer: it is named first.
    [
      ['employer_profile', 'employer_signature', 'screened_after_offer'],
      [],
      { code: ErrorCode.ScreenedAfterOffer, item: 'screened_after_offer' },
    ],
    [
      ['screened_after_offer', 'employer_signature'],
      ['employer_signature'],
      { code: ErrorCode.ScreenedAfterOffer, item: 'screened_after_offer' },
    ],
  ] as const)('%j ignoring %j → %j', (missing, ignore, blocker) => {
    expect(filingBlocker(missing, ignore)).toEqual(blocker);
  });
});
