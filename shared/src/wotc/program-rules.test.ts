import { describe, expect, test } from 'vitest';
import { addDays, compareIsoDates } from './dates.ts';
import { evaluateEligibility } from './eligibility.ts';
import { allNoAnswers } from './fixtures.ts';
import {
  CAP_CATEGORIES,
  CURRENT_RULE_SET,
  DEFAULT_AUTHORIZED_THROUGH,
  PROGRAM_RULES,
  isProgramAuthorized,
  programAuthorizedThrough,
  ruleSetFor,
} from './program-rules.ts';
import { DEFAULT_PROGRAM_AUTHORIZED_THROUGH } from './result.ts';

describe('the program rule table', () => {
  test('ranges are ordered, well formed and never overlap', () => {
    PROGRAM_RULES.forEach((set, i) => {
      expect(compareIsoDates(set.startedFrom, set.startedThrough)).toBeLessThanOrEqual(0);
      const previous = PROGRAM_RULES[i - 1];
      if (previous) expect(addDays(previous.startedThrough, 1)).toBe(set.startedFrom);
    });
  });

  test('every value names its source in IRC §51 (or the act that set it)', () => {
    for (const set of PROGRAM_RULES) {
      for (const [key, source] of Object.entries(set.sources)) {
        if (key === 'wageCaps') continue;
        expect(source, key).toMatch(/§51|P\.L\./);
      }
      expect(Object.keys(set.sources.wageCaps).sort()).toEqual([...CAP_CATEGORIES].sort());
      for (const source of Object.values(set.sources.wageCaps)) expect(source).toMatch(/§51/);
    }
  });

  // docs/credits.md §2: the figures of IRC §51 as it stands for hires through 2025-12-31.
  test('the current rules are those of IRC §51 today', () => {
    expect(CURRENT_RULE_SET).toMatchObject({
      startedThrough: '2025-12-31',
      fullRate: 0.4,
      reducedRate: 0.25,
      minimumHours: 120,
      fullRateHours: 400,
      wageCaps: {
        standard: 6000,
        summer_youth: 3000,
        veteran_disabled_discharged: 12000,
        veteran_unemployed_6m: 14000,
        veteran_disabled_unemployed_6m: 24000,
        long_term_family_assistance: 10000,
      },
      secondYearRate: 0.5,
      secondYearWageCap: 10000,
      summerWindowDays: 90,
    });
  });

  test('the eligibility default is the table end, not a second constant', () => {
    expect(DEFAULT_PROGRAM_AUTHORIZED_THROUGH).toBe(CURRENT_RULE_SET.startedThrough);
    expect(DEFAULT_AUTHORIZED_THROUGH).toBe(CURRENT_RULE_SET.startedThrough);
  });
});

describe('ruleSetFor and the authorization end', () => {
  test.each([
    ['2016-01-01', undefined, 'authorized'],
    ['2025-12-31', undefined, 'authorized'],
    ['2026-01-01', undefined, 'not_authorized'],
    // Congress extends the program: the operator moves the date later.
    ['2026-01-01', '2030-12-31', 'authorized'],
    ['2031-01-01', '2030-12-31', 'not_authorized'],
    // Or an operator who set it too far moves it back.
    ['2025-12-31', '2025-06-30', 'not_authorized'],
    ['2025-06-30', '2025-06-30', 'authorized'],
  ] as const)('started %s, authorized through %s → %s', (startedOn, through, status) => {
    const options = through === undefined ? {} : { authorizedThrough: through };
    const lookup = ruleSetFor(startedOn, options);
    expect(lookup.status).toBe(status);
    expect(lookup.status !== 'unknown' && lookup.ruleSet.id).toBe(CURRENT_RULE_SET.id);
    expect(isProgramAuthorized(startedOn, through)).toBe(status === 'authorized');
  });

  test('a start before the table is unknown, not silently credited', () => {
    expect(ruleSetFor('2015-12-31')).toEqual({ status: 'unknown' });
  });

  test('a malformed setting is refused instead of ending the program', () => {
    expect(() => programAuthorizedThrough('31/12/2030')).toThrow(/YYYY-MM-DD/);
    expect(() => programAuthorizedThrough('2030-02-30')).toThrow(/YYYY-MM-DD/);
    expect(programAuthorizedThrough()).toBe('2025-12-31');
    expect(programAuthorizedThrough('2030-12-31')).toBe('2030-12-31');
  });

  test('the eligibility notice follows the setting both ways', () => {
    const flagged = (asOf: string, programAuthorizedThrough?: string) =>
      evaluateEligibility({
        answers: allNoAnswers(),
        asOf,
        ...(programAuthorizedThrough ? { programAuthorizedThrough } : {}),
      }).flags.some((f) => f.code === 'program_not_authorized');
    expect(flagged('2026-03-02')).toBe(true);
    expect(flagged('2026-03-02', '2030-12-31')).toBe(false);
    expect(flagged('2025-11-03')).toBe(false);
    expect(flagged('2025-11-03', '2025-10-31')).toBe(true);
  });
});
