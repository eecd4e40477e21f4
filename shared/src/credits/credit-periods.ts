import { addDays, addYears, compareIsoDates, parseIsoDate } from '../wotc/dates.ts';
import type { DolCode } from '../wotc/groups.ts';
import type { ProgramRuleSet } from '../wotc/program-rules.ts';

/**
 * Which window and which tax year a pay period counts in (docs/credits.md §3). A period belongs,
 * whole, to the employment year and the tax year that hold its `periodEnd`.
 */

export interface DateWindow {
  from: string;
  through: string;
}

export const inWindow = (date: string, { from, through }: DateWindow): boolean =>
  compareIsoDates(date, from) >= 0 && compareIsoDates(date, through) <= 0;

/**
 * The day `years` after `date`. Someone who starts on 29 February has their anniversary on
 * 1 March in other years (as ages do in docs/wotc-rules.md §3), so the year before it keeps all of
 * 28 February.
 */
export function anniversary(date: string, years: number): string {
  const same = addYears(date, years);
  return date.endsWith('-02-29') && same.endsWith('-02-28') ? addDays(same, 1) : same;
}

/**
 * The credited windows: the first year from the start date (IRC §51(b)(2)) and, for long-term
 * family assistance, the year after it (§51(e)(2)). A summer youth employee's "first year" is a
 * 90-day window between May 1 and September 15 (§51(d)(7)(B)(i)); we take the one that begins on
 * the start date, cut at September 15.
 */
export function creditWindows(
  targetGroup: DolCode,
  startedOn: string,
  rules: ProgramRuleSet,
): { first: DateWindow; second: DateWindow | null } {
  if (targetGroup === 'F') {
    const year = startedOn.slice(0, 4);
    const season = {
      from: `${year}-${rules.summerSeason.from}`,
      through: `${year}-${rules.summerSeason.through}`,
    };
    if (!inWindow(startedOn, season)) {
      throw new RangeError(
        `a summer youth employee (F) starts between ${season.from} and ${season.through}, not on ${startedOn}`,
      );
    }
    const end = addDays(startedOn, rules.summerWindowDays - 1);
    const through = compareIsoDates(end, season.through) < 0 ? end : season.through;
    return { first: { from: startedOn, through }, second: null };
  }
  const first = { from: startedOn, through: addDays(anniversary(startedOn, 1), -1) };
  if (targetGroup !== 'I') return { first, second: null };
  return {
    first,
    second: { from: anniversary(startedOn, 1), through: addDays(anniversary(startedOn, 2), -1) },
  };
}

/**
 * The tax year holding `date`, named by the calendar year it begins in (as the IRS forms do: "tax
 * year beginning …, 2025"). `startMonth` 1 is the calendar year; 7 a July–June fiscal year.
 */
export function taxYearOf(date: string, startMonth = 1): number {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return d.month >= startMonth ? d.year : d.year - 1;
}

/** First and last day of tax year `year` for a tax year starting in `startMonth`. */
export function taxYearWindow(year: number, startMonth = 1): DateWindow {
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  return { from, through: addDays(addYears(from, 1), -1) };
}
