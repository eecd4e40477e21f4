import { dayIn } from '@eligo/shared/filing';
import { addDays, addYears } from '@eligo/shared/wotc';

/**
 * Dates for tests that go through the real server, which measures ages and look-back windows
 * ("SSI within 60 days", "convicted within a year", "under 40") from the real clock. A test never
 * types a literal date that the server compares with today: it derives one from `today()` here,
 * so the suite passes on any day it runs.
 */

/** Today as the server sees it (UTC): the survey's `asOf`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The ISO date `days` days before today (negative: after). */
export function daysAgo(days: number): string {
  return addDays(today(), -days);
}

/** The date of birth of someone who is `years` old today and whose birthday was `days` ago. */
export function bornYearsAgo(years: number, days = 40): string {
  return addDays(addYears(today(), -years), -days);
}

/**
 * Today in a time zone: the day the server counts an organization's filing deadlines from (its
 * employer profile's zone), which is not UTC's today for hours every night.
 */
export function todayInZone(timeZone: string): string {
  return dayIn(timeZone, new Date());
}

/** `1998-03-17` → `Mar 17, 1998`: a day as the app shows it (formatDay) in an en-US browser. */
export function shownDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

/** This month as `YYYY-MM`. */
export function thisMonth(): string {
  return today().slice(0, 7);
}

/** `1998-03-17` → `03/17/1998`, the way the survey shows and accepts dates. */
export function usDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${month}/${day}/${year}`;
}

/** `1998-03-17` → `03171998`: the keys an applicant types into a date field. */
export function usDateKeys(iso: string): string {
  return usDate(iso).replaceAll('/', '');
}

/** `2026-10` → `10/2026`. */
export function usMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${month}/${year}`;
}
