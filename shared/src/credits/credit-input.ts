import { compareIsoDates, isIsoDate } from '../wotc/dates.ts';
import { DOL_CODES, type DolCode } from '../wotc/groups.ts';
import type { CreditInput } from './credit-schemas.ts';

/**
 * Checks what the schema cannot say (or what a caller skipped the schema for): real calendar dates,
 * periods that end on or after they start, finite non-negative amounts. Throws a RangeError naming
 * the field, e.g. `periods[3].wages`, so bad payroll is never credited quietly.
 */
export function checkCreditInput(input: CreditInput): void {
  const fail = (path: string, problem: string, value: unknown) => {
    throw new RangeError(`${path} ${problem}, got ${JSON.stringify(value)}`);
  };
  const date = (path: string, value: unknown) => {
    if (!isIsoDate(value)) fail(path, 'must be a YYYY-MM-DD calendar date', value);
  };
  const amount = (path: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      fail(path, 'must be a number, 0 or more', value);
    }
  };

  if (!(DOL_CODES as readonly string[]).includes(input.targetGroup as DolCode)) {
    fail('targetGroup', 'must be a DOL target-group code', input.targetGroup);
  }
  date('startedOn', input.startedOn);
  if (input.terminatedOn !== undefined) {
    date('terminatedOn', input.terminatedOn);
    if (compareIsoDates(input.terminatedOn, input.startedOn) < 0) {
      fail('terminatedOn', `is before startedOn ${input.startedOn}`, input.terminatedOn);
    }
  }
  if (input.authorizedThrough !== undefined) date('authorizedThrough', input.authorizedThrough);
  const month = input.taxYearStartMonth;
  if (month !== undefined && !(Number.isInteger(month) && month >= 1 && month <= 12)) {
    fail('taxYearStartMonth', 'must be a month number 1–12', month);
  }
  if (!Array.isArray(input.periods)) fail('periods', 'must be an array', input.periods);
  input.periods.forEach((period, i) => {
    const at = `periods[${i}]`;
    date(`${at}.periodStart`, period.periodStart);
    date(`${at}.periodEnd`, period.periodEnd);
    if (compareIsoDates(period.periodEnd, period.periodStart) < 0) {
      fail(`${at}.periodEnd`, `is before periodStart ${period.periodStart}`, period.periodEnd);
    }
    amount(`${at}.hours`, period.hours);
    amount(`${at}.wages`, period.wages);
  });
}
