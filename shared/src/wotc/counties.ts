import type { UspsState } from './states.ts';

/**
 * How the survey stores the county of the home address: the county's 5-digit FIPS code (2-digit
 * state code + 3-digit county code, Census), or `not_listed` when the applicant's county is not in
 * the list or they are not sure. The county lists themselves are loaded per state on demand
 * (`GET /api/counties?state=XX`, from shared/data/us-counties.json): never in the survey's first
 * download, which is why this module holds no county data.
 */

export const COUNTY_NOT_LISTED = 'not_listed' as const;
export const COUNTY_FIPS_PATTERN = '^\\d{5}$';

const FIPS = new RegExp(COUNTY_FIPS_PATTERN);

export function isCountyFips(value: unknown): value is string {
  return typeof value === 'string' && FIPS.test(value);
}

/** A stored county answer: a FIPS code or `not_listed`. */
export function isCountyAnswer(value: unknown): boolean {
  return value === COUNTY_NOT_LISTED || isCountyFips(value);
}

/**
 * State FIPS codes (the first two digits of every county code). The military "states" AA/AE/AP
 * have none: their residents can only answer `not_listed`.
 */
// prettier-ignore
export const STATE_FIPS: Partial<Record<UspsState, string>> = {
  AL: '01', AK: '02', AZ: '04', AR: '05', CA: '06', CO: '08', CT: '09', DE: '10', DC: '11',
  FL: '12', GA: '13', HI: '15', ID: '16', IL: '17', IN: '18', IA: '19', KS: '20', KY: '21',
  LA: '22', ME: '23', MD: '24', MA: '25', MI: '26', MN: '27', MS: '28', MO: '29', MT: '30',
  NE: '31', NV: '32', NH: '33', NJ: '34', NM: '35', NY: '36', NC: '37', ND: '38', OH: '39',
  OK: '40', OR: '41', PA: '42', RI: '44', SC: '45', SD: '46', TN: '47', TX: '48', UT: '49',
  VT: '50', VA: '51', WA: '53', WV: '54', WI: '55', WY: '56', AS: '60', GU: '66', MP: '69',
  PR: '72', VI: '78',
};

/** Whether a county FIPS code lies in the given state (by its state digits). */
export function countyIsInState(fips: string, state: string): boolean {
  const prefix = STATE_FIPS[state as UspsState];
  return prefix !== undefined && fips.startsWith(prefix);
}

/**
 * A stored county answer as the engine reads it: drafts saved before counties were chosen from a
 * list hold free text (`"Sangamon"`), which counts as "not listed / not sure".
 */
export function countyAnswerOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return isCountyAnswer(value) ? (value as string) : COUNTY_NOT_LISTED;
}

/** Saved answers with an old free-text county read as `not_listed` (other answers untouched). */
export function withListedCounty<T extends { county?: unknown }>(answers: T): T {
  if (answers.county === undefined) return answers;
  return { ...answers, county: countyAnswerOf(answers.county) };
}
