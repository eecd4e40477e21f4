import { addDays, daysBetween, formatIsoDate } from '../wotc/dates.ts';

/**
 * The 28-day filing deadline and "today" in the organization's time zone (docs/filing.md §2).
 * Nothing here reads the clock: callers pass `now` (or `today`), so tests and the server's injected
 * clock decide what day it is.
 */

/**
 * Form 8850 reaches the state no later than the 28th calendar day after the start date (IRC
 * §51(d)(13)(A)(ii)(II); Instructions for Form 8850). Day 1 is the day after the start, so the 28th
 * is `startedOn + 28`, and that day itself is still in time.
 */
export const FILING_DEADLINE_DAYS = 28;

/** "Due within 7 days" includes the due day itself (0 days left) and the day 7 days before it. */
export const DUE_SOON_DAYS = 7;

/** The local hour (organization's time zone) after which the daily filing digest may go out. */
export const DIGEST_LOCAL_HOUR = 8;

/** The last day Form 8850 may reach the state for someone who started on `startedOn`. */
export function filingDueOn(startedOn: string): string {
  return addDays(startedOn, FILING_DEADLINE_DAYS);
}

/** Days from `today` to `dueOn`: 0 on the due day, negative once it has passed. */
export function daysLeft(dueOn: string, today: string): number {
  return daysBetween(today, dueOn);
}

/** A filing made on `submittedOn` reached the state after the deadline. */
export function isSubmittedLate(submittedOn: string, startedOn: string): boolean {
  return daysLeft(filingDueOn(startedOn), submittedOn) < 0;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // `en-US` with `h23` gives plain numbers; throws a RangeError for an unknown zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(
  timeZone: string,
  instant: Date,
): Record<'year' | 'month' | 'day' | 'hour', number> {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Not a valid instant');
  const parts = { year: 0, month: 0, day: 0, hour: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`: today for `now`, or the day
 * something happened (the survey's signing day). Daylight-saving changes are the zone's rules, as
 * the platform's time zone data has them.
 */
export function dayIn(timeZone: string, instant: Date): string {
  const { year, month, day } = localParts(timeZone, instant);
  return formatIsoDate({ year, month, day });
}

/**
 * The instant `day` (`YYYY-MM-DD`) begins in `timeZone`: the lower bound of "this month" or "this
 * year" in the employer's zone. Two corrections from UTC midnight settle on the zone's offset of
 * that midnight (US zones change at 2 a.m., never at midnight).
 */
export function startOfDayIn(timeZone: string, day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  let instant = midnightUtc;
  for (let i = 0; i < 2; i += 1) {
    const local = localParts(timeZone, new Date(instant));
    const shownAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour);
    instant -= shownAsUtc - midnightUtc;
  }
  return new Date(instant);
}

/** Today in the organization's time zone: the day deadlines are counted from. */
export function todayIn(timeZone: string, now: Date): string {
  return dayIn(timeZone, now);
}

/**
 * The day whose digest is due at `now`: today in `timeZone` once the local time has reached
 * `DIGEST_LOCAL_HOUR`, else `null` (not yet). A job keyed on (organization, this day) sends it once.
 */
export function digestDayDue(timeZone: string, now: Date, hour = DIGEST_LOCAL_HOUR): string | null {
  const parts = localParts(timeZone, now);
  return parts.hour >= hour ? formatIsoDate(parts) : null;
}

/** `dayIn` for an ISO 8601 instant that may be missing (e.g. a signature not given yet). */
export function dayOfInstant(timeZone: string, isoInstant: string | null): string | null {
  return isoInstant === null ? null : dayIn(timeZone, new Date(isoInstant));
}
