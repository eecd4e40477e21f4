import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import type { SubmittedAnswers } from './answers.ts';
import { evaluateEligibility } from './eligibility.ts';
import { allNoAnswers } from './fixtures.ts';
import { eligibilityResultSchema, type EligibilityInput } from './result.ts';

// Hiring date of most cases. Ages below are exact on this date: born 2008-06-02 is 18 today,
// born 2008-06-03 turns 18 tomorrow (still 17).
const AS_OF = '2026-06-02';
/** Keeps the program-lapse caveat out of cases that are not about it. */
const AUTHORIZED = { programAuthorizedThrough: '2030-12-31' };
/** EZ designations renewed, for the few cases that need an EZ to count. */
const EZ_IN_FORCE = { ezDesignatedThrough: '2030-12-31' };

type Extra = Omit<Partial<EligibilityInput>, 'answers'>;

function evaluate(overrides: Partial<SubmittedAnswers>, extra: Extra = {}) {
  const result = evaluateEligibility({
    answers: allNoAnswers(overrides),
    asOf: AS_OF,
    ...AUTHORIZED,
    ...extra,
  });
  expect(Value.Check(eligibilityResultSchema, result)).toBe(true);
  return result;
}
const codes = (overrides: Partial<SubmittedAnswers>, extra: Extra = {}) =>
  evaluate(overrides, extra).matches.map((m) => m.code);

const veteran = (more: Partial<SubmittedAnswers>): Partial<SubmittedAnswers> => ({
  q_veteran: 'yes',
  q_vet_snap: 'no',
  q_vet_disability: 'no',
  q_vet_unemp: 'none',
  ...more,
});
const under40 = (dob: string, more: Partial<SubmittedAnswers> = {}): Partial<SubmittedAnswers> => ({
  age_band: 'under_40',
  dob,
  ...more,
});

describe('every target group matches on its own', () => {
  test.each<[string, Partial<SubmittedAnswers>, Extra, string[], number]>([
    ['A: TANF 9 of 18 months', { q_tanf_9of18: 'yes' }, {}, ['A'], 2400],
    ['B-a: veteran + SNAP', veteran({ q_vet_snap: 'yes' }), {}, ['B-a'], 2400],
    [
      'B-b: disabled, discharged within a year',
      veteran({ q_vet_disability: 'yes', q_vet_discharged_1y: 'yes' }),
      {},
      ['B-b'],
      4800,
    ],
    [
      'B-c + B-e: disabled, unemployed 6+ months',
      veteran({ q_vet_disability: 'yes', q_vet_discharged_1y: 'no', q_vet_unemp: '6m_plus' }),
      {},
      ['B-c', 'B-e'],
      9600,
    ],
    [
      'B-d: unemployed 4 weeks to 6 months',
      veteran({ q_vet_unemp: '4w_to_6m' }),
      {},
      ['B-d'],
      2400,
    ],
    [
      'B-e: unemployed 6+ months, not disabled',
      veteran({ q_vet_unemp: '6m_plus' }),
      {},
      ['B-e'],
      5600,
    ],
    [
      'C: felony within a year',
      {
        q_felony: 'yes',
        felony_conviction_date: '2026-01-10',
        felony_jurisdiction: 'state',
        felony_state: 'IL',
      },
      {},
      ['C'],
      2400,
    ],
    [
      'D: 25 in a verified RRC',
      under40('2001-01-01', { q_snap: 'no' }),
      { verifiedResidence: { ruralRenewalCounty: true } },
      ['D'],
      2400,
    ],
    ['E: vocational rehabilitation referral', { q_vr: 'yes', q_vr_source: 'va' }, {}, ['E'], 2400],
    [
      'F: 17, summer, verified EZ, never here',
      under40('2009-01-01'),
      { ...EZ_IN_FORCE, verifiedResidence: { empowermentZone: true } },
      ['F'],
      1200,
    ],
    [
      'G: 25, SNAP 6 of 6',
      under40('2001-01-01', { q_snap: '6_of_6' }),
      { verifiedResidence: { ruralRenewalCounty: false } },
      ['G'],
      2400,
    ],
    [
      'G: 25, SNAP 3 of 5 and lost',
      under40('2001-01-01', { q_snap: '3_of_5_lost' }),
      { verifiedResidence: { ruralRenewalCounty: false } },
      ['G'],
      2400,
    ],
    ['H: SSI', { q_ssi: 'yes' }, {}, ['H'], 2400],
    ['I: long-term TANF', { q_tanf_long: ['b'] }, {}, ['I'], 9000],
    ['J: long-term unemployment', { q_ltur: 'yes', q_ltur_states: ['IL'] }, {}, ['J'], 2400],
  ])('%s', (_name, overrides, extra, expected, maxCredit) => {
    const result = evaluate(overrides, extra);
    expect(result.matches.map((m) => m.code)).toEqual(expected);
    expect(result.status).toBe('pre_qualified');
    expect(result.maxPotentialCredit).toBe(maxCredit);
    for (const m of result.matches) expect(m.reason).not.toBe('');
  });

  test('all-no is not qualified', () => {
    const result = evaluate({});
    expect(result).toMatchObject({
      status: 'not_qualified',
      matches: [],
      flags: [],
      maxPotentialCredit: 0,
    });
  });

  test('each match carries its 8850 group number and max credit', () => {
    expect(evaluate({ q_tanf_long: ['a', 'c'] }).matches).toEqual([
      {
        group: 9,
        code: 'I',
        reason:
          'long-term TANF: TANF for each of the last 18 months; TANF stopped within the last 2 years by a time limit',
        maxCredit: 9000,
      },
    ]);
  });
});

describe('boundaries', () => {
  const rrc = { verifiedResidence: { ruralRenewalCounty: true } };
  const ez = { ...EZ_IN_FORCE, verifiedResidence: { empowermentZone: true } };

  test.each<[string, Partial<SubmittedAnswers>, Extra, string[]]>([
    // Ages 17/18 and 39/40 (D and G), on the hiring date.
    ['D: 18 today', under40('2008-06-02', { q_snap: 'no' }), rrc, ['D']],
    ['D: 17, 18 tomorrow', under40('2008-06-03'), rrc, []],
    ['D: 39, 40 tomorrow', under40('1986-06-03', { q_snap: 'no' }), rrc, ['D']],
    ['D: 40 today', under40('1986-06-02'), rrc, []],
    ['G: 18 today', under40('2008-06-02', { q_snap: '6_of_6' }), {}, ['G']],
    ['G: 17, 18 tomorrow', under40('2008-06-03', { q_snap: '6_of_6' }), {}, []],
    ['G: 39, 40 tomorrow', under40('1986-06-03', { q_snap: '6_of_6' }), {}, ['G']],
    ['G: 40 today', under40('1986-06-02', { q_snap: '6_of_6' }), {}, []],
    // Ages 15/16 and 17/18 (F).
    ['F: 16 today', under40('2010-06-02'), ez, ['F']],
    ['F: 15, 16 tomorrow', under40('2010-06-03'), ez, []],
    ['F: 17, 18 tomorrow', under40('2008-06-03'), ez, ['F']],
    ['F: 18 today is D instead', under40('2008-06-02', { q_snap: 'no' }), ez, ['D']],
    // Summer window: hired May 1 to Sep 15.
    ['F: hired May 1', under40('2009-01-01'), { ...ez, asOf: '2026-05-01' }, ['F']],
    ['F: hired Apr 30', under40('2009-01-01'), { ...ez, asOf: '2026-04-30' }, []],
    ['F: hired Sep 15', under40('2009-01-01'), { ...ez, asOf: '2026-09-15' }, ['F']],
    ['F: hired Sep 16', under40('2009-01-01'), { ...ez, asOf: '2026-09-16' }, []],
    [
      'F: worked here before',
      under40('2009-01-01', { worked_here_before: 'yes', worked_here_last_date: '2025-08-01' }),
      ez,
      [],
    ],
    [
      'F: EZ designation ended',
      under40('2009-01-01'),
      { verifiedResidence: { empowermentZone: true } },
      [],
    ],
    // Felony: within 1 year of the later of conviction and release.
    [
      'C: released exactly 1 year ago',
      {
        q_felony: 'yes',
        felony_conviction_date: '2024-01-01',
        felony_release_date: '2025-06-02',
        felony_jurisdiction: 'federal',
      },
      {},
      ['C'],
    ],
    [
      'C: released 1 year and 1 day ago',
      {
        q_felony: 'yes',
        felony_conviction_date: '2024-01-01',
        felony_release_date: '2025-06-01',
        felony_jurisdiction: 'federal',
      },
      {},
      [],
    ],
    [
      'C: convicted exactly 1 year ago, no release',
      { q_felony: 'yes', felony_conviction_date: '2025-06-02', felony_jurisdiction: 'federal' },
      {},
      ['C'],
    ],
    [
      'C: convicted 1 year and 1 day ago',
      { q_felony: 'yes', felony_conviction_date: '2025-06-01', felony_jurisdiction: 'federal' },
      {},
      [],
    ],
    [
      'C: old conviction, recent release',
      {
        q_felony: 'yes',
        felony_conviction_date: '2015-03-03',
        felony_release_date: '2026-02-01',
        felony_jurisdiction: 'state',
        felony_state: 'TX',
      },
      {},
      ['C'],
    ],
    // Disabled veteran: within 1 year of discharge.
    [
      'B-b: discharged exactly 1 year ago',
      veteran({
        q_vet_disability: 'yes',
        q_vet_discharged_1y: 'yes',
        q_vet_discharge_date: '2025-06-02',
      }),
      {},
      ['B-b'],
    ],
    [
      'B-b: discharged 1 year and 1 day ago',
      veteran({
        q_vet_disability: 'yes',
        q_vet_discharged_1y: 'yes',
        q_vet_discharge_date: '2025-06-01',
      }),
      {},
      [],
    ],
    ['B-b: discharged recently but not disabled', veteran({ q_vet_discharged_1y: 'yes' }), {}, []],
    // SSI: a month ending within the 60 days before hiring (March ends 03-31).
    [
      'H: month ended 60 days ago',
      { q_ssi: 'yes', q_ssi_last_month: '2026-03' },
      { asOf: '2026-05-30' },
      ['H'],
    ],
    [
      'H: month ended 61 days ago',
      { q_ssi: 'yes', q_ssi_last_month: '2026-03' },
      { asOf: '2026-05-31' },
      [],
    ],
    ['H: receiving this month', { q_ssi: 'yes', q_ssi_last_month: '2026-06' }, {}, ['H']],
  ])('%s', (_name, overrides, extra, expected) => {
    expect(codes(overrides, extra)).toEqual(expected);
  });

  test('age on May 1 decides for a youth screened before the season', () => {
    const early = { ...ez, asOf: '2026-04-20' };
    const flagged = (dob: string) =>
      evaluate(under40(dob), early).flags.some((f) => f.code === 'summer_youth_recheck_at_hire');
    expect(flagged('2010-04-25')).toBe(true); // 15 on Apr 20, 16 on May 1
    expect(flagged('2010-05-02')).toBe(false); // still 15 on May 1
    expect(flagged('2008-04-25')).toBe(false); // 18 on May 1
  });
});

describe('docs/wotc-rules.md §7 cases', () => {
  test('39 in an RRC county → D; turns 40 before the start date → D drops on re-check', () => {
    const answers = under40('1986-06-10', { q_snap: 'no' });
    const rrc = { verifiedResidence: { ruralRenewalCounty: true } };
    expect(codes(answers, { ...rrc, asOf: '2026-06-02' })).toEqual(['D']);
    expect(evaluate(answers, { ...rrc, asOf: '2026-06-10' })).toMatchObject({
      status: 'not_qualified',
      matches: [],
    });
  });

  test('45, SNAP 6 months, not a veteran → not qualified unless another group matches', () => {
    // A 40+ applicant is never asked q_snap; a stray answer is ignored.
    expect(evaluate({ q_snap: '6_of_6' })).toMatchObject({ status: 'not_qualified', matches: [] });
    expect(codes({ q_snap: '6_of_6', q_ssi: 'yes' })).toEqual(['H']);
  });

  test('veteran, disability, unemployed 7 months → B-c ($9,600) and B-e ($5,600), estimate the highest', () => {
    const result = evaluate(
      veteran({ q_vet_disability: 'yes', q_vet_discharged_1y: 'no', q_vet_unemp: '6m_plus' }),
    );
    expect(result.matches.map((m) => [m.code, m.maxCredit])).toEqual([
      ['B-c', 9600],
      ['B-e', 5600],
    ]);
    expect(result.maxPotentialCredit).toBe(9600);
  });

  test('felony release 13 months before start → no C', () => {
    const felony: Partial<SubmittedAnswers> = {
      q_felony: 'yes',
      felony_conviction_date: '2024-11-20',
      felony_release_date: '2025-05-02',
      felony_jurisdiction: 'state',
      felony_state: 'OH',
    };
    expect(evaluate(felony)).toMatchObject({ status: 'not_qualified', matches: [] });
  });

  test('17, hired 2 Jun, lives in an EZ, never worked here → F; hired 20 Sep → no F', () => {
    const answers = under40('2009-03-01');
    const ez = { ...EZ_IN_FORCE, verifiedResidence: { empowermentZone: true } };
    expect(codes(answers, { ...ez, asOf: '2026-06-02' })).toEqual(['F']);
    expect(codes(answers, { ...ez, asOf: '2026-09-20' })).toEqual([]);
  });

  test('17 in a city with an EZ, not verified → needs review with a flag, never a guess', () => {
    const answers = under40('2009-03-01', { city: 'Chicago', county: 'Cook', state: 'IL' });
    const result = evaluate(answers, EZ_IN_FORCE);
    expect(result.status).toBe('needs_review');
    expect(result.matches).toEqual([]);
    expect(result.flags).toEqual([
      expect.objectContaining({
        code: 'summer_youth_possible',
        group: 'F',
        reason: expect.stringContaining('Chicago, IL'),
      }),
    ]);
  });

  test('rehire with yes answers → not qualified, reason "rehire"', () => {
    const result = evaluate({
      worked_here_before: 'yes',
      worked_here_last_date: '2024-12-01',
      q_tanf_9of18: 'yes',
      q_ssi: 'yes',
    });
    expect(result.status).toBe('not_qualified');
    expect(result.exclusions).toEqual([
      { code: 'rehire', reason: expect.stringMatching(/worked for this employer/) },
    ]);
    expect(result.matches.map((m) => m.code)).toEqual(['A', 'H']);
    expect(result.maxPotentialCredit).toBe(0);
  });
});

describe('combinations', () => {
  test('several groups at once, in §1.1 order, each with its own max credit', () => {
    const result = evaluate({
      ...veteran({ q_vet_snap: 'yes', q_vet_unemp: '4w_to_6m' }),
      q_tanf_9of18: 'yes',
      q_tanf_long: ['c', 'a'],
      q_felony: 'yes',
      felony_conviction_date: '2026-02-01',
      felony_jurisdiction: 'federal',
      q_ssi: 'yes',
      q_ltur: 'yes',
      q_ltur_states: ['IL', 'IN'],
    });
    expect(result.matches.map((m) => [m.code, m.maxCredit])).toEqual([
      ['A', 2400],
      ['B-a', 2400],
      ['B-d', 2400],
      ['C', 2400],
      ['H', 2400],
      ['I', 9000],
      ['J', 2400],
    ]);
    expect(result.maxPotentialCredit).toBe(9000);
    expect(result.status).toBe('pre_qualified');
  });

  test('a young SNAP household in a verified RRC is both D and G', () => {
    expect(
      codes(under40('2000-01-01', { q_snap: '6_of_6' }), {
        verifiedResidence: { ruralRenewalCounty: true },
      }),
    ).toEqual(['D', 'G']);
  });
});

describe('reasons are worded for people', () => {
  test('dates and months as people write them in the US, and no answer codes', () => {
    const ssi = evaluate({ q_ssi: 'yes', q_ssi_last_month: '2026-05' });
    expect(ssi.matches[0]?.reason).toBe(
      'received SSI for 05/2026, which ends within 60 days of 06/02/2026',
    );
    const referred = evaluate({ q_vr: 'yes', q_vr_source: 'ticket_to_work' });
    expect(referred.matches[0]?.reason).toBe('referred by a Ticket to Work Employment Network');
  });

  test('the program-lapse caveat spells out SWA once', () => {
    const lapsed = evaluate({}, { programAuthorizedThrough: '2025-12-31' });
    expect(lapsed.flags.map((f) => f.reason)).toContain(
      'WOTC is authorized for hires through 12/31/2025; keep screening and filing (state workforce agencies, SWAs, hold requests during a lapse)',
    );
  });
});
