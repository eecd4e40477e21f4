/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Everything is done on plain year/month/day numbers
 * (via UTC), so results never depend on the time zone of the machine running the code.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

const DAY_MS = 86_400_000;
/**
 * Days since 1970-01-01 of valid dates, and back: the credit ledger compares and shifts the same
 * few hundred dates millions of times (docs/credits.md), so each is parsed once. Bounded: emptied
 * when full.
 */
const dayNumbers = new Map<string, number>();
const datesOfDayNumbers = new Map<number, string>();
const MEMO_SIZE = 50_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Parses a real calendar date (`2023-02-29` is rejected); `null` for anything else. */
export function parseIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value === 'string' && dayNumbers.has(value)) return true;
  return parseIsoDate(value) !== null;
}

/** Parses `YYYY-MM` (a calendar month); `null` for anything else. */
export function parseIsoMonth(value: unknown): { year: number; month: number } | null {
  if (typeof value !== 'string') return null;
  const m = ISO_MONTH.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month };
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMs(d: CalendarDate): number {
  const date = new Date(Date.UTC(2000, d.month - 1, d.day));
  date.setUTCFullYear(d.year);
  return date.getTime();
}

function fromUtcMs(ms: number): CalendarDate {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function mustParse(value: string): CalendarDate {
  const d = parseIsoDate(value);
  if (!d) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return d;
}

function dayNumber(value: string): number {
  let n = dayNumbers.get(value);
  if (n === undefined) {
    n = toUtcMs(mustParse(value)) / DAY_MS;
    if (dayNumbers.size >= MEMO_SIZE) dayNumbers.clear();
    dayNumbers.set(value, n);
  }
  return n;
}

function dateOfDayNumber(n: number): string {
  let date = datesOfDayNumbers.get(n);
  if (date === undefined) {
    date = formatIsoDate(fromUtcMs(n * DAY_MS));
    if (datesOfDayNumbers.size >= MEMO_SIZE) datesOfDayNumbers.clear();
    datesOfDayNumbers.set(n, date);
  }
  return date;
}

/** Negative, zero or positive like `Array.prototype.sort` expects. Both must be valid dates. */
export function compareIsoDates(a: string, b: string): number {
  return (dayNumber(a) - dayNumber(b)) * DAY_MS;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Same month and day `years` later; 29 February becomes 28 February in a non-leap year. */
export function addYears(date: string, years: number): string {
  const d = mustParse(date);
  const year = d.year + years;
  return formatIsoDate({ year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) });
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
export function endOfMonth(month: string): string {
  const m = parseIsoMonth(month);
  if (!m) throw new RangeError(`Not a calendar month (YYYY-MM): ${JSON.stringify(month)}`);
  return formatIsoDate({ ...m, day: daysInMonth(m.year, m.month) });
}

/**
 * Age in whole years on `on`. A birthday counts from the day itself; someone born on 29 February
 * turns a year older on 1 March in non-leap years. `null` when `on` is before the birth date.
 */
export function ageOn(dob: string, on: string): number | null {
  const b = mustParse(dob);
  const d = mustParse(on);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age < 0 ? null : age;
}

/**
 * How people in the US read and type dates (the survey's fields, the reasons of a result):
 * `1998-03-17` → `03/17/1998`. Anything that is not an ISO date is returned as it is (a half-typed
 * field); a non-string reads as empty.
 */
export function isoToUsDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : value;
}

/** `2026-04` → `04/2026`, as the applicant typed it; anything else as it is. */
export function isoToUsMonth(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? `${m[2]}/${m[1]}` : value;
}
