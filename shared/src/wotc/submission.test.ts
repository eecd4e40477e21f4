import { describe, expect, test } from 'vitest';
import type { SubmittedAnswers } from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import { validateSubmission } from './submission.ts';

const AS_OF = '2026-06-02';
const codes = (answers: unknown) =>
  validateSubmission(answers, AS_OF).errors.map((e) => `${e.path} ${e.code}`);

describe('validateSubmission', () => {
  test('a complete all-no submission is ok', () => {
    expect(validateSubmission(allNoAnswers(), AS_OF)).toEqual({ ok: true, errors: [] });
  });

  test('not an object', () => {
    expect(codes(null)).toEqual([' invalid_type']);
    expect(codes(['yes'])).toEqual([' invalid_type']);
  });

  test.each<[string, Partial<SubmittedAnswers>, string[]]>([
    // docs/wotc-rules.md §4: under 40 without a date of birth blocks submit.
    [
      'dob missing under 40',
      { age_band: 'under_40', q_snap: 'no' },
      ['/dob dob_required_under_40'],
    ],
    ['dob given under 40', { age_band: 'under_40', dob: '2000-01-01', q_snap: 'no' }, []],
    [
      'dob says 40 on asOf',
      { age_band: 'under_40', dob: '1986-06-02' },
      ['/dob dob_age_band_mismatch'],
    ],
    ['dob says 39 on asOf', { age_band: 'under_40', dob: '1986-06-03', q_snap: 'no' }, []],
    [
      'dob after asOf',
      { age_band: 'under_40', dob: '2026-06-03', q_snap: 'no' },
      ['/dob date_in_future'],
    ],
    [
      'dob not a calendar date',
      { age_band: 'under_40', dob: '2001-02-29', q_snap: 'no' },
      ['/dob invalid_date'],
    ],
    ['dob ignored for 40+', { age_band: '40_plus', dob: 'garbage' as string }, []],
    // Follow-ups are required while visible, ignored once hidden.
    [
      'veteran without follow-ups',
      { q_veteran: 'yes' },
      ['/q_vet_disability required', '/q_vet_snap required', '/q_vet_unemp required'],
    ],
    [
      'veteran with follow-ups',
      { q_veteran: 'yes', q_vet_snap: 'no', q_vet_disability: 'no', q_vet_unemp: 'none' },
      [],
    ],
    [
      'disabled veteran needs the discharge answer',
      { q_veteran: 'yes', q_vet_snap: 'no', q_vet_disability: 'yes', q_vet_unemp: 'none' },
      ['/q_vet_discharged_1y required'],
    ],
    ['hidden veteran answers are ignored', { q_veteran: 'no', q_vet_unemp: 'bogus' as 'none' }, []],
    [
      'felony yes needs a conviction date and jurisdiction',
      { q_felony: 'yes' },
      ['/felony_conviction_date required', '/felony_jurisdiction required'],
    ],
    [
      'state conviction needs the state',
      { q_felony: 'yes', felony_conviction_date: '2026-01-10', felony_jurisdiction: 'state' },
      ['/felony_state required'],
    ],
    [
      'felony release date in the future',
      {
        q_felony: 'yes',
        felony_conviction_date: '2025-01-10',
        felony_release_date: '2026-07-01',
        felony_jurisdiction: 'federal',
      },
      ['/felony_release_date date_in_future'],
    ],
    ['SNAP asked for 18–39', { age_band: 'under_40', dob: '2000-01-01' }, ['/q_snap required']],
    ['LTUR yes needs the states', { q_ltur: 'yes' }, ['/q_ltur_states required']],
    ['LTUR city is optional', { q_ltur: 'yes', q_ltur_states: ['IL'] }, []],
    [
      'a blank LTUR city is refused',
      { q_ltur: 'yes', q_ltur_states: ['IL'], q_ltur_city: '  ' },
      ['/q_ltur_city invalid_text'],
    ],
    ['a city left from an earlier "yes" is ignored', { q_ltur: 'no', q_ltur_city: '  ' }, []],
    [
      'SSI month in the future',
      { q_ssi: 'yes', q_ssi_last_month: '2026-07' },
      ['/q_ssi_last_month date_in_future'],
    ],
    ['SSI this month is fine', { q_ssi: 'yes', q_ssi_last_month: '2026-06' }, []],
    ['VR yes needs the source', { q_vr: 'yes' }, ['/q_vr_source required']],
    [
      'rehire needs the last date',
      { worked_here_before: 'yes' },
      ['/worked_here_last_date required'],
    ],
    ['invalid SSN', { ssn: '900-12-3456' }, ['/ssn invalid_ssn']],
    ['declined SSN', { ssn: 'declined' }, []],
    [
      'invalid ZIP and state',
      { zip: '123', state: 'ZZ' as 'IL' },
      ['/state invalid_state', '/zip invalid_zip'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(codes(allNoAnswers(overrides))).toEqual(expected);
  });

  test('missing always-asked questions and unknown keys are reported by path', () => {
    const answers: Record<string, unknown> = { ...allNoAnswers(), shoe_size: 9 };
    delete answers.q_ssi;
    delete answers.email;
    expect(codes(answers)).toEqual([
      '/email required',
      '/q_ssi required',
      '/shoe_size unknown_field',
    ]);
  });

  test('errors carry plain English messages', () => {
    const { errors } = validateSubmission(
      allNoAnswers({ age_band: 'under_40', q_snap: 'no' }),
      AS_OF,
    );
    expect(errors[0]!.message).toMatch(/required when the applicant is under 40/);
  });
});

describe('the county: a FIPS code of the chosen state, or "not listed / not sure"', () => {
  test.each<[string, string, unknown, string[]]>([
    ['IL', 'Sangamon County', '17167', []],
    ['IL', 'not listed', 'not_listed', []],
    ['AE', 'a military address, not listed', 'not_listed', []],
    ['PR', 'a municipio', '72001', []],
    ['IL', 'a county of Alabama', '01013', ['/county county_not_in_state']],
    ['AE', 'a military address with a county', '17167', ['/county county_not_in_state']],
    ['IL', 'free text', 'Sangamon', ['/county invalid_county']],
    ['IL', 'four digits', '1716', ['/county invalid_county']],
  ])('%s, %s (%j) → %j', (state, _what, county, expected) => {
    expect(codes(allNoAnswers({ state, county } as Partial<SubmittedAnswers>))).toEqual(expected);
  });

  test('the server also checks that the county exists', () => {
    const answers = allNoAnswers({ state: 'IL', county: '17999' });
    expect(codes(answers)).toEqual([]);
    const checked = validateSubmission(answers, AS_OF, { countyExists: (f) => f === '17167' });
    expect(checked.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      '/county county_not_in_state',
    ]);
    expect(checked.errors[0]!.message).toBe('is not a county of IL');
  });
});
