import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays } from '../wotc/dates.ts';
import {
  dayIn,
  dayOfInstant,
  daysLeft,
  digestDayDue,
  filingDueOn,
  isSubmittedLate,
  startOfDayIn,
  todayIn,
} from './deadline.ts';

describe('filingDueOn: the 28th calendar day after the start', () => {
  test.each([
    ['2026-03-09', '2026-04-06'],
    ['2026-01-31', '2026-02-28'],
    ['2026-02-01', '2026-03-01'], // February 2026 has 28 days
    ['2028-02-01', '2028-02-29'], // 2028 is a leap year: the due day is Feb 29
    ['2028-02-29', '2028-03-28'], // a start on Feb 29
    ['2025-12-15', '2026-01-12'], // the deadline falls in the next year
    ['2026-12-31', '2027-01-28'],
  ])('started %s → due %s', (startedOn, dueOn) => {
    expect(filingDueOn(startedOn)).toBe(dueOn);
  });

  test('an impossible start date is an error, not a guess', () => {
    expect(() => filingDueOn('2026-02-30')).toThrow(RangeError);
  });
});

describe('daysLeft', () => {
  test.each([
    ['2026-04-06', '2026-03-29', 8],
    ['2026-04-06', '2026-03-30', 7],
    ['2026-04-06', '2026-04-06', 0],
    ['2026-04-06', '2026-04-07', -1],
    ['2027-01-28', '2026-12-31', 28],
    ['2028-03-01', '2028-02-28', 2], // across Feb 29
  ])('due %s, today %s → %i', (dueOn, today, left) => {
    expect(daysLeft(dueOn, today)).toBe(left);
  });

  test('decreases by exactly one per calendar day (property)', () => {
    const day = fc
      .date({
        min: new Date('2016-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (dueOn, today) => {
        expect(daysLeft(dueOn, addDays(today, 1))).toBe(daysLeft(dueOn, today) - 1);
      }),
    );
  });
});

describe('isSubmittedLate', () => {
  test.each([
    ['2026-04-06', false], // on the due day: in time
    ['2026-04-07', true],
    ['2026-03-09', false],
  ])('started 2026-03-09, submitted %s → late %s', (submittedOn, late) => {
    expect(isSubmittedLate(submittedOn, '2026-03-09')).toBe(late);
  });
});

describe('todayIn: the calendar day in the organization’s time zone', () => {
  test.each([
    // 23:59 in New York on Sat 7 March 2026 (EST, UTC−5) is already the 8th in UTC.
    ['America/New_York', '2026-03-08T04:59:00Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'],
    // DST starts Sun 8 March 2026 at 02:00 EST: after it, midnight is 04:00 UTC (EDT, UTC−4).
    ['America/New_York', '2026-03-09T03:59:00Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00Z', '2026-03-09'],
    // DST ends Sun 1 Nov 2026 at 02:00 EDT: 1 Nov starts at 04:00 UTC, 2 Nov at 05:00 UTC.
    ['America/New_York', '2026-11-01T03:59:00Z', '2026-10-31'],
    ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T04:59:00Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
    // Arizona keeps MST (UTC−7) all year.
    ['America/Phoenix', '2026-07-01T06:59:00Z', '2026-06-30'],
    ['America/Phoenix', '2026-07-01T07:00:00Z', '2026-07-01'],
    ['Pacific/Honolulu', '2026-01-01T09:59:59Z', '2025-12-31'],
    ['Pacific/Guam', '2025-12-31T14:00:00Z', '2026-01-01'],
    ['America/Chicago', '2028-02-29T05:59:00Z', '2028-02-28'],
    ['America/Chicago', '2028-02-29T06:00:00Z', '2028-02-29'],
  ])('%s at %s → %s', (zone, instant, day) => {
    expect(todayIn(zone, new Date(instant))).toBe(day);
  });

  test('an unknown zone or an invalid instant is an error', () => {
    expect(() => todayIn('Mars/Olympus_Mons', new Date())).toThrow(RangeError);
    expect(() => todayIn('America/Chicago', new Date('nope'))).toThrow(RangeError);
  });

  test('in Phoenix it is the UTC day of the instant 7 hours earlier (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2060-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (now) => {
          const shifted = new Date(now.getTime() - 7 * 3_600_000).toISOString().slice(0, 10);
          expect(todayIn('America/Phoenix', now)).toBe(shifted);
        },
      ),
    );
  });

  test('dayOfInstant reads an ISO instant, and null stays null', () => {
    expect(dayOfInstant('America/Los_Angeles', '2026-03-03T07:30:00.000Z')).toBe('2026-03-02');
    expect(dayOfInstant('America/Los_Angeles', null)).toBeNull();
    expect(dayIn('America/Los_Angeles', new Date('2026-03-03T08:00:00Z'))).toBe('2026-03-03');
  });
});

describe('digestDayDue: 08:00 in the organization’s time zone', () => {
  test.each([
    ['America/Chicago', '2026-03-09T12:59:00Z', null], // 07:59 CDT
    ['America/Chicago', '2026-03-09T13:00:00Z', '2026-03-09'], // 08:00 CDT
    ['America/Chicago', '2026-03-06T13:59:00Z', null], // 07:59 CST, before DST
    ['America/Chicago', '2026-03-06T14:00:00Z', '2026-03-06'],
    ['America/Chicago', '2026-03-10T04:59:00Z', '2026-03-09'], // 23:59 the same day
  ])('%s at %s → %s', (zone, instant, day) => {
    expect(digestDayDue(zone, new Date(instant))).toBe(day);
  });
});

describe('startOfDayIn: the instant a local day begins', () => {
  test.each([
    ['America/New_York', '2026-03-07', '2026-03-07T05:00:00.000Z'],
    // The day DST starts (at 2 a.m.) still began in EST; the next one begins in EDT.
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', '2026-11-02', '2026-11-02T05:00:00.000Z'],
    ['America/Phoenix', '2026-07-01', '2026-07-01T07:00:00.000Z'],
    ['Pacific/Honolulu', '2026-01-01', '2026-01-01T10:00:00.000Z'],
    ['Pacific/Guam', '2026-01-01', '2025-12-31T14:00:00.000Z'],
    ['America/Anchorage', '2026-12-01', '2026-12-01T09:00:00.000Z'],
  ])('%s, %s → %s', (zone, day, instant) => {
    expect(startOfDayIn(zone, day).toISOString()).toBe(instant);
  });

  test('is the first instant todayIn names that day (property, every US zone kind)', () => {
    const zones = [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'America/Anchorage',
      'Pacific/Honolulu',
      'America/Puerto_Rico',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3_650 }), (zone, offset) => {
        const day = addDays('2020-01-01', offset);
        const start = startOfDayIn(zone, day);
        expect(todayIn(zone, start)).toBe(day);
        expect(todayIn(zone, new Date(start.getTime() - 1))).toBe(addDays(day, -1));
      }),
    );
  });
});
