import { describe, expect, test } from 'vitest';
import {
  errorCodeFor,
  formatSsnInput,
  isoToUsDate,
  isoToUsMonth,
  resumeStep,
  saveableAnswers,
  ssnReadBack,
  staleAnswers,
  usDateToIso,
  usMonthToIso,
  validateStep,
  validateSubmit,
} from './survey-form.ts';

const asOf = '2026-06-15';

const step1 = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  ssn: '123-45-6789',
  street: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  county: '17167',
  email: 'ada@example.com',
  age_band: '40_plus',
  worked_here_before: 'no',
};
const step2 = {
  q_cond_cert: 'no',
  q_veteran: 'no',
  q_tanf_9of18: 'no',
  q_tanf_long: [],
  q_vr: 'no',
  q_felony: 'no',
  q_ssi: 'no',
  q_ltur: 'no',
};

describe('typed dates', () => {
  test.each([
    ['03/17/1998', '1998-03-17'],
    ['3/7/1998', '1998-03-07'],
    ['03-07-1998', '1998-03-07'],
    ['03171998', '1998-03-17'],
    [' 03/17/1998 ', '1998-03-17'],
    ['', undefined],
    ['03/17', '03/17'],
    ['1998-03-17', '1998-03-17'],
  ])('%j → %j', (typed, stored) => {
    expect(usDateToIso(typed)).toBe(stored);
  });

  test('stored dates are shown as MM/DD/YYYY; half-typed text stays as typed', () => {
    expect(isoToUsDate('1998-03-17')).toBe('03/17/1998');
    expect(isoToUsDate('03/1')).toBe('03/1');
    expect(isoToUsDate(undefined)).toBe('');
  });

  test('months', () => {
    expect(usMonthToIso('4/2026')).toBe('2026-04');
    expect(usMonthToIso('042026')).toBe('2026-04');
    expect(usMonthToIso('')).toBeUndefined();
    expect(isoToUsMonth('2026-04')).toBe('04/2026');
  });
});

describe('SSN as typed', () => {
  test.each([
    ['1', '1'],
    ['1234', '123-4'],
    ['123456', '123-45-6'],
    ['123456789', '123-45-6789'],
    ['123-45-67890', '123-45-6789'],
    ['abc', ''],
  ])('%j → %j', (typed, shown) => {
    expect(formatSsnInput(typed)).toBe(shown);
  });

  test.each([
    ['912-34-5678', 'ssn_itin'],
    ['666-12-3456', 'ssn_area'],
    ['123-00-4567', 'ssn_group'],
    ['123-45-0000', 'ssn_serial'],
    ['123-45', 'invalid_ssn'],
  ])('a refused %s says why (%s)', (ssn, code) => {
    expect(errorCodeFor({ id: 'ssn', code: 'invalid_ssn' }, { ssn })).toBe(code);
  });

  test('the review never reads back the full number', () => {
    expect(ssnReadBack('123-45-6789', false)).toBe('masked');
    expect(ssnReadBack(undefined, true)).toBe('saved');
    expect(ssnReadBack('declined', true)).toBe('declined');
    expect(ssnReadBack(undefined, false)).toBe('none');
  });
});

describe('checking a step with the shared rules', () => {
  test('an empty step 1 lists every required question, in screen order', () => {
    expect(validateStep(1, {}, asOf, false).map((e) => e.id)).toEqual([
      'first_name',
      'last_name',
      'ssn',
      'street',
      'city',
      'state',
      'zip',
      'county',
      'email',
      'age_band',
      'worked_here_before',
    ]);
  });

  test('step 1 does not complain about step 2, and a complete step 1 passes', () => {
    expect(validateStep(1, step1, asOf, false)).toEqual([]);
  });

  test('a saved SSN may stay empty; without one it is required', () => {
    const withoutSsn = { ...step1, ssn: undefined };
    expect(validateStep(1, withoutSsn, asOf, true)).toEqual([]);
    expect(validateStep(1, withoutSsn, asOf, false)).toEqual([{ id: 'ssn', code: 'required' }]);
  });

  test('under 40 the date of birth is required, and must fit the age band', () => {
    expect(validateStep(1, { ...step1, age_band: 'under_40' }, asOf, false)).toEqual([
      { id: 'dob', code: 'dob_required_under_40' },
    ]);
    expect(
      validateStep(1, { ...step1, age_band: 'under_40', dob: '1970-01-01' }, asOf, false),
    ).toEqual([{ id: 'dob', code: 'dob_age_band_mismatch' }]);
    expect(
      validateStep(1, { ...step1, age_band: 'under_40', dob: '13/45/1999' }, asOf, false),
    ).toEqual([{ id: 'dob', code: 'invalid_date' }]);
  });

  test('follow-ups are required only while they are shown', () => {
    const answers = { ...step1, ...step2 };
    expect(validateStep(2, answers, asOf, false)).toEqual([]);
    expect(validateStep(2, { ...answers, q_veteran: 'yes' }, asOf, false).map((e) => e.id)).toEqual(
      ['q_vet_snap', 'q_vet_disability', 'q_vet_unemp'],
    );
    // SNAP (group G) is asked when the age band says under 40.
    expect(
      validateStep(2, { ...answers, age_band: 'under_40', dob: '2000-01-01' }, asOf, false),
    ).toEqual([{ id: 'q_snap', code: 'required' }]);
  });

  test('submitting needs both steps and a signature that matches the name', () => {
    const answers = { ...step1, ...step2 };
    expect(
      validateSubmit(answers, asOf, false, { fullName: 'ada lovelace', agreed: true }),
    ).toEqual([]);
    expect(validateSubmit(answers, asOf, false, { fullName: 'Ada L', agreed: false })).toEqual([
      { id: 'signature_full_name', code: 'signature_mismatch' },
      { id: 'signature_agreed', code: 'consent_required' },
    ]);
    expect(validateSubmit({}, asOf, false, { fullName: '', agreed: true })[0]).toEqual({
      id: 'first_name',
      code: 'required',
    });
  });
});

describe('what gets saved', () => {
  test('half-typed and hidden answers are left out, so a save never fails on them', () => {
    expect(
      saveableAnswers(
        { zip: '6270', first_name: 'Ada', q_veteran: 'no', q_vet_snap: 'yes', dob: '1999-01-01' },
        asOf,
      ),
    ).toEqual({ first_name: 'Ada', q_veteran: 'no' });
  });

  test('a future date is not saved; a good one is', () => {
    expect(saveableAnswers({ age_band: 'under_40', dob: '2999-01-01' }, asOf)).toEqual({
      age_band: 'under_40',
    });
    expect(saveableAnswers({ age_band: 'under_40', dob: '1999-01-01' }, asOf)).toEqual({
      age_band: 'under_40',
      dob: '1999-01-01',
    });
  });
});

describe('resuming', () => {
  test('goes back to the first step that still needs answers', () => {
    expect(resumeStep(3, { ...step1, ...step2 }, asOf, false)).toBe(3);
    expect(resumeStep(3, step1, asOf, false)).toBe(2);
    expect(resumeStep(2, {}, asOf, false)).toBe(1);
    expect(resumeStep(1, { ...step1, ...step2 }, asOf, false)).toBe(1);
  });
});

describe('the county follows the state', () => {
  test.each<[string, unknown, Record<string, unknown>, string[]]>([
    ['state', 'AL', { county: '17167' }, ['county']],
    ['state', 'IL', { county: '17167' }, []],
    ['state', undefined, { county: '17167' }, ['county']],
    ['state', 'AL', { county: 'not_listed' }, []],
    ['zip', '35201', { county: '17167' }, []],
  ])('changing %s to %j with %j clears %j', (id, value, answers, expected) => {
    expect(staleAnswers(id, value, answers)).toEqual(expected);
  });

  test('a county of another state is an error of step 1', () => {
    expect(validateStep(1, { ...step1, county: '01013' }, asOf, false)).toEqual([
      { id: 'county', code: 'county_not_in_state' },
    ]);
  });
});
