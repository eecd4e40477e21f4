import { compareIsoDates, isIsoDate, isoToUsDate } from './dates.ts';

/**
 * The WOTC program's rules as data (docs/credits.md §2): one rule set per range of start dates, each
 * value with the part of IRC §51 it comes from. When Congress changes the credit for hires from some
 * date on, add a rule set; when it only extends the program, move `startedThrough` of the last one
 * (or, without a release, set `WOTC_AUTHORIZED_THROUGH`, which `ruleSetFor` takes as
 * `authorizedThrough`). Nothing else in the code may name the authorization end date.
 */

/** Which §51(b)(3) wage limit applies to a target group; `targetGroup(code).capCategory` maps them. */
export const CAP_CATEGORIES = [
  /** $6,000: every group without a special limit. */
  'standard',
  /** $3,000: qualified summer youth employee (F). */
  'summer_youth',
  /** $12,000: veteran with a service-connected disability, hired within 1 year of discharge (B-b). */
  'veteran_disabled_discharged',
  /** $14,000: veteran unemployed 6 months or more in the year before hiring (B-e). */
  'veteran_unemployed_6m',
  /** $24,000: veteran with a service-connected disability, unemployed 6 months or more (B-c). */
  'veteran_disabled_unemployed_6m',
  /** $10,000 a year, first and second year: long-term family assistance recipient (I). */
  'long_term_family_assistance',
] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];

export interface ProgramRuleSet {
  /** Stable name, stored with computed credits so a figure can be traced to its rules. */
  id: string;
  /** First start date (the day the person begins work) the set covers. */
  startedFrom: string;
  /** Last start date it covers; for the newest set, the program's authorization end. */
  startedThrough: string;
  /** Rate on qualified first-year wages once the first year's hours reach `fullRateHours`. */
  fullRate: number;
  /** Rate from `minimumHours` up to `fullRateHours`. */
  reducedRate: number;
  /** Below this many first-year hours no wages count. */
  minimumHours: number;
  fullRateHours: number;
  /** First-year wage limit per cap category, in dollars. */
  wageCaps: Record<CapCategory, number>;
  /** Long-term family assistance (I): rate and limit on second-year wages. */
  secondYearRate: number;
  secondYearWageCap: number;
  /** Summer youth (F): the credited period is a window of this many days between these month-days. */
  summerWindowDays: number;
  summerSeason: { from: string; through: string };
  /** Where each value comes from. */
  sources: Record<Exclude<keyof ProgramRuleSet, 'id' | 'sources' | 'wageCaps'>, string> & {
    wageCaps: Record<CapCategory, string>;
  };
}

/**
 * Oldest first; ranges never overlap. The current set starts with the hires the PATH Act (P.L.
 * 114-113, div. Q, §142) made the credit cover again from 2016-01-01, the first date on which every
 * target group the engine knows existed (it added the long-term unemployment group, J); the rates,
 * hours and caps have not changed since. Hires before it are outside the table (their credit
 * windows closed years ago).
 */
export const PROGRAM_RULES: readonly ProgramRuleSet[] = [
  {
    id: 'wotc-2016',
    startedFrom: '2016-01-01',
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
    summerSeason: { from: '05-01', through: '09-15' },
    sources: {
      startedFrom: 'PATH Act of 2015 (P.L. 114-113, div. Q, §142): hires after 2015-12-31',
      startedThrough:
        'IRC §51(c)(4), as amended by the Consolidated Appropriations Act, 2021 (P.L. 116-260, div. EE, §113)',
      fullRate: 'IRC §51(a)',
      reducedRate: 'IRC §51(i)(3)(A)',
      minimumHours: 'IRC §51(i)(3)(B)',
      fullRateHours: 'IRC §51(i)(3)(A)',
      wageCaps: {
        standard: 'IRC §51(b)(3)',
        summer_youth: 'IRC §51(d)(7)(B)(ii)',
        veteran_disabled_discharged: 'IRC §51(b)(3), veterans of §51(d)(3)(A)(ii)(I)',
        veteran_unemployed_6m: 'IRC §51(b)(3), veterans of §51(d)(3)(A)(iv)',
        veteran_disabled_unemployed_6m: 'IRC §51(b)(3), veterans of §51(d)(3)(A)(ii)(II)',
        long_term_family_assistance: 'IRC §51(e)(1)(B)',
      },
      secondYearRate: 'IRC §51(e)(1)(A)',
      secondYearWageCap: 'IRC §51(e)(1)(B)',
      summerWindowDays: 'IRC §51(d)(7)(B)(i)',
      summerSeason: 'IRC §51(d)(7)(A)(i), (B)(i)',
    },
  },
];

/** The rule set for the newest hires: the one the survey's maximum credits are quoted from. */
export const CURRENT_RULE_SET: ProgramRuleSet = PROGRAM_RULES[PROGRAM_RULES.length - 1]!;

/** Last start date the program covers unless `WOTC_AUTHORIZED_THROUGH` says otherwise. */
export const DEFAULT_AUTHORIZED_THROUGH: string = CURRENT_RULE_SET.startedThrough;

/**
 * The authorization end in force: the operator's override (`WOTC_AUTHORIZED_THROUGH`) when given,
 * else the table's. Throws on a value that is not a `YYYY-MM-DD` calendar date, so a typo in the
 * setting fails at boot instead of silently ending (or extending) the program.
 */
export function programAuthorizedThrough(override?: string): string {
  if (override === undefined) return DEFAULT_AUTHORIZED_THROUGH;
  if (!isIsoDate(override)) {
    throw new RangeError(
      `WOTC authorization end must be a YYYY-MM-DD date, got ${JSON.stringify(override)}`,
    );
  }
  return override;
}

/** Someone who begins work on `startedOn` is covered (IRC §51(c)(4)). */
export function isProgramAuthorized(startedOn: string, authorizedThrough?: string): boolean {
  return compareIsoDates(startedOn, programAuthorizedThrough(authorizedThrough)) <= 0;
}

/** The *program not authorized* notice, in words: the engine's and the one derived when read. */
export function programNotAuthorizedReason(authorizedThrough: string): string {
  return `WOTC is authorized for hires through ${isoToUsDate(authorizedThrough)}; keep screening and filing (state workforce agencies, SWAs, hold requests during a lapse)`;
}

export type RuleSetLookup =
  | { status: 'authorized'; ruleSet: ProgramRuleSet }
  /** Started after the authorization end: the current rules, pending a (retroactive) extension. */
  | { status: 'not_authorized'; ruleSet: ProgramRuleSet }
  /** Started before the first rule set: outside the table. */
  | { status: 'unknown' };

/**
 * The rule set for a hire who began work on `startedOn`. `authorizedThrough` replaces the newest
 * set's end date; a later start gets that set with status `not_authorized` (a lapse: the credit is
 * zero until Congress extends the program, usually retroactively with the same rules).
 */
export function ruleSetFor(
  startedOn: string,
  options: { authorizedThrough?: string } = {},
): RuleSetLookup {
  const through = programAuthorizedThrough(options.authorizedThrough);
  if (compareIsoDates(startedOn, PROGRAM_RULES[0]!.startedFrom) < 0) return { status: 'unknown' };
  const ruleSet =
    PROGRAM_RULES.find(
      (set) =>
        compareIsoDates(startedOn, set.startedFrom) >= 0 &&
        compareIsoDates(startedOn, set.startedThrough) <= 0,
    ) ?? CURRENT_RULE_SET;
  const authorized = compareIsoDates(startedOn, through) <= 0;
  return authorized ? { status: 'authorized', ruleSet } : { status: 'not_authorized', ruleSet };
}
