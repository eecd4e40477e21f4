import { describe, expect, test } from 'vitest';
import type { DraftAnswers, SubmittedAnswers } from './answers.ts';
import { evaluateEligibility } from './eligibility.ts';
import { ALL_DECLINED, allNoAnswers } from './fixtures.ts';
import { RULES_VERSION, type EligibilityInput } from './result.ts';

const AS_OF = '2026-06-02';
const AUTHORIZED = { programAuthorizedThrough: '2030-12-31' };

type Extra = Omit<Partial<EligibilityInput>, 'answers'>;
const evaluate = (answers: DraftAnswers, extra: Extra = {}) =>
  evaluateEligibility({ answers, asOf: AS_OF, ...AUTHORIZED, ...extra });

describe('"prefer not to answer" is neither yes nor no', () => {
  test.each<[keyof SubmittedAnswers, string, Partial<SubmittedAnswers>]>([
    ['q_tanf_9of18', 'A', {}],
    ['q_vr', 'E', { q_vr_source: 'state_vr' }],
    ['q_ssi', 'H', {}],
    ['q_ltur', 'J', { q_ltur_states: ['IL'] }],
    ['q_felony', 'C', { felony_conviction_date: '2026-01-01', felony_jurisdiction: 'federal' }],
    ['q_veteran', 'B-e', { q_vet_snap: 'no', q_vet_disability: 'no', q_vet_unemp: '6m_plus' }],
    ['q_vet_snap', 'B-a', { q_veteran: 'yes', q_vet_disability: 'no', q_vet_unemp: 'none' }],
    ['q_vet_disability', 'B-c', { q_veteran: 'yes', q_vet_snap: 'no', q_vet_unemp: '6m_plus' }],
  ])(
    '%s: yes matches %s, declined does not, and is recorded as declined',
    (id, code, followUps) => {
      const yes = evaluate(allNoAnswers({ ...followUps, [id]: 'yes' }));
      const declined = evaluate(allNoAnswers({ ...followUps, [id]: 'declined' }));
      const no = evaluate(allNoAnswers({ ...followUps, [id]: 'no' }));
      expect(yes.matches.map((m) => m.code)).toContain(code);
      expect(declined.matches.map((m) => m.code)).not.toContain(code);
      expect(declined.declined).toContain(id);
      expect(no.declined).not.toContain(id);
    },
  );

  test('declining the veteran question hides and ignores its follow-ups, like "no" does', () => {
    const answers = allNoAnswers({
      q_veteran: 'declined',
      q_vet_snap: 'yes',
      q_vet_unemp: '6m_plus',
    });
    expect(evaluate(answers).matches).toEqual([]);
  });

  test.each([
    ['q_vet_unemp', 'declined', []],
    ['q_snap', 'declined', []],
    ['q_tanf_long', 'declined', []],
  ] as const)('%s = declined matches nothing', (id, value, expected) => {
    const base =
      id === 'q_vet_unemp'
        ? ({
            q_veteran: 'yes',
            q_vet_snap: 'no',
            q_vet_disability: 'yes',
            q_vet_discharged_1y: 'no',
          } as const)
        : id === 'q_snap'
          ? ({ age_band: 'under_40', dob: '2000-01-01' } as const)
          : {};
    const result = evaluate(allNoAnswers({ ...base, [id]: value }), {
      verifiedResidence: { ruralRenewalCounty: false },
    });
    expect(result.matches.map((m) => m.code)).toEqual(expected);
    expect(result.declined).toEqual([id]);
  });

  test('rehire declined: no exclusion (not "yes"), but a match is held for review (not "no")', () => {
    const declined = evaluate(allNoAnswers({ worked_here_before: 'declined', q_ssi: 'yes' }));
    expect(declined.exclusions).toEqual([]);
    expect(declined.status).toBe('needs_review');
    expect(declined.flags.map((f) => f.code)).toEqual(['rehire_unknown']);
    expect(evaluate(allNoAnswers({ worked_here_before: 'no', q_ssi: 'yes' })).status).toBe(
      'pre_qualified',
    );
    expect(
      evaluate(
        allNoAnswers({
          worked_here_before: 'yes',
          worked_here_last_date: '2020-01-01',
          q_ssi: 'yes',
        }),
      ).status,
    ).toBe('not_qualified');
  });

  test('rehire unanswered is treated like declined, never like "no"', () => {
    const answers: Record<string, unknown> = allNoAnswers({ q_ssi: 'yes' });
    delete answers.worked_here_before;
    const result = evaluate(answers as DraftAnswers);
    expect(result.status).toBe('needs_review');
    expect(result.flags.map((f) => f.code)).toEqual(['rehire_unknown']);
  });

  test('rehire declined without any match stays not qualified', () => {
    expect(evaluate(allNoAnswers({ worked_here_before: 'declined' })).status).toBe('not_qualified');
  });
});

describe('opted out vs. all no', () => {
  test('declining every question is opted_out', () => {
    const result = evaluate(allNoAnswers(ALL_DECLINED));
    expect(result).toEqual({
      status: 'opted_out',
      matches: [],
      flags: [],
      exclusions: [],
      declined: Object.keys(ALL_DECLINED),
      maxPotentialCredit: 0,
      asOf: AS_OF,
      rulesVersion: RULES_VERSION,
    });
  });

  test('answering "no" to every question is not_qualified', () => {
    expect(evaluate(allNoAnswers()).status).toBe('not_qualified');
  });

  test('one real answer among the declines is not an opt-out', () => {
    expect(evaluate(allNoAnswers({ ...ALL_DECLINED, q_ssi: 'no' })).status).toBe('not_qualified');
    expect(evaluate(allNoAnswers({ ...ALL_DECLINED, q_ssi: 'yes' })).status).toBe('needs_review');
  });

  test('an under-40 applicant must decline SNAP too to opt out', () => {
    const young = { ...ALL_DECLINED, age_band: 'under_40', dob: '2000-01-01' } as const;
    expect(evaluate(allNoAnswers({ ...young, q_snap: 'declined' })).status).toBe('opted_out');
    expect(evaluate(allNoAnswers({ ...young, q_snap: 'no' })).status).not.toBe('opted_out');
  });

  test('declining the whole survey wins over any answer', () => {
    const result = evaluate(allNoAnswers({ q_ssi: 'yes' }), { declinedSurvey: true });
    expect(result).toMatchObject({ status: 'opted_out', matches: [] });
  });

  test('a declined SSN alone is not an opt-out', () => {
    expect(evaluate(allNoAnswers({ ssn: 'declined', q_ssi: 'yes' })).status).toBe('pre_qualified');
  });
});

describe('status', () => {
  test.each<[string, DraftAnswers, Extra, string]>([
    ['matches', allNoAnswers({ q_ssi: 'yes' }), {}, 'pre_qualified'],
    ['no matches, no flags', allNoAnswers(), {}, 'not_qualified'],
    ['unsigned, with a match', allNoAnswers({ q_ssi: 'yes' }), { signed: false }, 'incomplete'],
    ['signed', allNoAnswers({ q_ssi: 'yes' }), { signed: true }, 'pre_qualified'],
    ['nothing answered yet', {}, {}, 'incomplete'],
    ['only step 1 answered', { first_name: 'Ada', age_band: '40_plus' }, {}, 'incomplete'],
    ['conditional certification only', allNoAnswers({ q_cond_cert: 'yes' }), {}, 'needs_review'],
    [
      'under 40 without a birth date',
      allNoAnswers({ age_band: 'under_40', q_snap: 'no' }),
      {},
      'needs_review',
    ],
    [
      'rehire excludes even a possible match',
      allNoAnswers({
        worked_here_before: 'yes',
        worked_here_last_date: '2020-01-01',
        q_cond_cert: 'yes',
      }),
      {},
      'not_qualified',
    ],
  ])('%s → %s', (_name, answers, extra, status) => {
    expect(evaluate(answers, extra).status).toBe(status);
  });

  test('an unsigned survey still reports what it found', () => {
    const result = evaluate(allNoAnswers({ q_ssi: 'yes' }), { signed: false });
    expect(result.matches.map((m) => m.code)).toEqual(['H']);
  });

  test('asOf must be a calendar date', () => {
    expect(() => evaluate(allNoAnswers(), { asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('Designated community residents (D): Rural Renewal County by FIPS, Empowerment Zones', () => {
  const age25 = { age_band: 'under_40', dob: '2001-01-01', q_snap: 'no' } as const;
  const EZ_IN_FORCE = { ezDesignatedThrough: '2030-12-31' };
  interface Expected {
    status: string;
    matches?: string[];
    flags?: string[];
  }
  // AS_OF is 2026-06-02: by default no Empowerment Zone designation is in force.
  test.each<[string, Partial<SubmittedAnswers>, Extra, Expected]>([
    [
      '25 in Butler County, AL (RRC)',
      { ...age25, state: 'AL', county: '01013' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '25 in Autauga County, AL (not an RRC)',
      { ...age25, state: 'AL', county: '01001' },
      {},
      { status: 'not_qualified' },
    ],
    [
      '25 in Barton County, KS (RRC)',
      { ...age25, state: 'KS', county: '20009' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '25 in Andrews County, TX (RRC)',
      { ...age25, state: 'TX', county: '48003' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '25 in Burleigh County, ND (not an RRC)',
      { ...age25, state: 'ND', county: '38015' },
      {},
      { status: 'not_qualified' },
    ],
    [
      '25 in Norton city, VA (RRC)',
      { ...age25, state: 'VA', county: '51720' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '25 in Wrangell, AK (former 02280)',
      { ...age25, state: 'AK', county: '02275' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '25 in Petersburg, AK (former 02280)',
      { ...age25, state: 'AK', county: '02195' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '25 in Alleghany County, VA (contains former 51560)',
      { ...age25, state: 'VA', county: '51005' },
      {},
      { status: 'needs_review', flags: ['dcr_possible'] },
    ],
    [
      '18 today in an RRC',
      { age_band: 'under_40', dob: '2008-06-02', q_snap: 'no', state: 'AL', county: '01013' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '17 in an RRC',
      { age_band: 'under_40', dob: '2008-06-03', state: 'AL', county: '01013' },
      {},
      { status: 'not_qualified' },
    ],
    [
      '39 in an RRC',
      { age_band: 'under_40', dob: '1986-06-03', q_snap: 'no', state: 'AL', county: '01013' },
      {},
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      '40+ in an RRC',
      { age_band: '40_plus', state: 'AL', county: '01013' },
      {},
      { status: 'not_qualified' },
    ],
    [
      'county not listed, in a state with RRCs',
      { ...age25, state: 'KS', county: 'not_listed' },
      {},
      { status: 'needs_review', flags: ['dcr_possible'] },
    ],
    [
      'county not listed, in a state without RRCs',
      { ...age25, state: 'CA', county: 'not_listed' },
      {},
      { status: 'not_qualified' },
    ],
    [
      'a free-text county of an old draft counts as not listed',
      { ...age25, state: 'KS', county: 'Rawlins' },
      {},
      { status: 'needs_review', flags: ['dcr_possible'] },
    ],
    [
      'not an RRC, EZs in force: the incomplete EZ list needs a look',
      { ...age25, state: 'AL', county: '01001' },
      EZ_IN_FORCE,
      { status: 'needs_review', flags: ['dcr_possible'] },
    ],
    [
      'Chicago (an EZ city), EZs in force',
      { ...age25, city: 'Chicago', county: '17031' },
      EZ_IN_FORCE,
      { status: 'needs_review', flags: ['dcr_possible'] },
    ],
    [
      'Chicago (an EZ city), EZs ended',
      { ...age25, city: 'Chicago', county: '17031' },
      {},
      { status: 'not_qualified', flags: ['ez_designations_expired'] },
    ],
    [
      'Dooly County, GA (wholly in an EZ), EZs in force',
      { ...age25, state: 'GA', county: '13093' },
      EZ_IN_FORCE,
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      'Dooly County, GA (wholly in an EZ), EZs ended',
      { ...age25, state: 'GA', county: '13093' },
      {},
      { status: 'not_qualified', flags: ['ez_designations_expired'] },
    ],
    [
      'DC resident (no RRC, EZ ended 2011)',
      { ...age25, state: 'DC', county: '11001', city: 'Washington' },
      EZ_IN_FORCE,
      { status: 'not_qualified' },
    ],
    [
      'RRC checked by a person: no, EZs ended',
      { ...age25, state: 'KS', county: 'not_listed' },
      { verifiedResidence: { ruralRenewalCounty: false } },
      { status: 'not_qualified' },
    ],
    [
      'RRC checked by a person: yes',
      { ...age25, state: 'AL', county: '01001' },
      { verifiedResidence: { ruralRenewalCounty: true } },
      { status: 'pre_qualified', matches: ['D'] },
    ],
    [
      'RRC and EZ both checked: no',
      { ...age25, city: 'Chicago', county: '17031' },
      { verifiedResidence: { ruralRenewalCounty: false, empowermentZone: false }, ...EZ_IN_FORCE },
      { status: 'not_qualified' },
    ],
  ])('%s', (_name, overrides, extra, expected) => {
    const result = evaluate(allNoAnswers(overrides), extra);
    expect({
      status: result.status,
      matches: result.matches.map((m) => m.code),
      flags: result.flags.map((f) => f.code),
    }).toEqual({ matches: [], flags: [], ...expected });
  });

  test('a match names the county; a flag says what a person must check', () => {
    const rrc = evaluate(allNoAnswers({ ...age25, state: 'AK', county: '02275' }));
    expect(rrc.matches[0]!.reason).toBe(
      'age 25; lives in a Rural Renewal County (Wrangell City and Borough, AK, part of the former Wrangell-Petersburg Census Area, AK)',
    );
    const notListed = evaluate(allNoAnswers({ ...age25, state: 'KS', county: 'not_listed' }));
    expect(notListed.flags[0]).toMatchObject({ code: 'dcr_possible', group: 'D' });
    expect(notListed.flags[0]!.reason).toMatch(/one of KS's Rural Renewal Counties/);
  });

  test('the EZ end date is a parameter: the day after it, EZ residence no longer counts', () => {
    const dooly = allNoAnswers({ ...age25, state: 'GA', county: '13093' });
    const through = { ezDesignatedThrough: AS_OF };
    expect(evaluate(dooly, through).matches.map((m) => m.code)).toEqual(['D']);
    expect(evaluate(dooly, { ezDesignatedThrough: '2026-06-01' }).matches).toEqual([]);
  });
});

describe('program authorization', () => {
  test.each([
    ['2025-12-31', undefined, false],
    ['2026-01-01', undefined, true],
    ['2026-06-02', '2026-06-02', false],
    ['2026-06-03', '2026-06-02', true],
  ])('asOf %s, authorized through %s → flag %s', (asOf, through, flagged) => {
    const result = evaluateEligibility({
      answers: allNoAnswers({ q_ssi: 'yes' }),
      asOf,
      ...(through ? { programAuthorizedThrough: through } : {}),
    });
    expect(result.flags.some((f) => f.code === 'program_not_authorized')).toBe(flagged);
    // Screening continues during a lapse (docs/wotc-rules.md §1): the status is still computed.
    expect(result.status).toBe('pre_qualified');
  });

  test('every result carries the rules version', () => {
    expect(evaluate(allNoAnswers()).rulesVersion).toBe(RULES_VERSION);
  });
});
