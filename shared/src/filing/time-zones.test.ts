import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import { usTimeZoneSchema } from '../schemas/employer.ts';
import { EMPLOYER_STATE_CODES } from './employer.ts';
import {
  defaultTimeZoneForState,
  isUsTimeZone,
  STATE_DEFAULT_TIME_ZONES,
  US_TIME_ZONE_IDS,
} from './time-zones.ts';

describe('US_TIME_ZONES', () => {
  test.each(US_TIME_ZONE_IDS)('%s is a zone the platform knows', (zone) => {
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
  });

  test('the schema and isUsTimeZone accept the list and nothing else', () => {
    for (const zone of US_TIME_ZONE_IDS) {
      expect(Value.Check(usTimeZoneSchema, zone)).toBe(true);
      expect(isUsTimeZone(zone)).toBe(true);
    }
    for (const other of ['UTC', 'Europe/Paris', 'America/Toronto', 'US/Eastern', 'EST', '']) {
      expect(Value.Check(usTimeZoneSchema, other)).toBe(false);
      expect(isUsTimeZone(other)).toBe(false);
    }
  });
});

describe('defaultTimeZoneForState', () => {
  test('every state an employer can be in has a default from the list', () => {
    expect(Object.keys(STATE_DEFAULT_TIME_ZONES).sort()).toEqual([...EMPLOYER_STATE_CODES].sort());
    for (const state of EMPLOYER_STATE_CODES) {
      expect(isUsTimeZone(defaultTimeZoneForState(state))).toBe(true);
    }
  });

  test.each([
    ['NY', 'America/New_York'],
    ['IL', 'America/Chicago'],
    ['CO', 'America/Denver'],
    ['AZ', 'America/Phoenix'],
    ['CA', 'America/Los_Angeles'],
    ['HI', 'Pacific/Honolulu'],
    ['AK', 'America/Anchorage'],
    // States spanning two zones: the zone most of their people live in.
    ['FL', 'America/New_York'],
    ['TN', 'America/Chicago'],
    ['TX', 'America/Chicago'],
    ['KY', 'America/New_York'],
    ['IN', 'America/Indiana/Indianapolis'],
    ['MI', 'America/Detroit'],
    ['ID', 'America/Boise'],
    ['OR', 'America/Los_Angeles'],
    ['PR', 'America/Puerto_Rico'],
    ['AA', null],
    ['ZZ', null],
    ['toString', null],
    [null, null],
  ])('%s → %s', (state, zone) => {
    expect(defaultTimeZoneForState(state)).toBe(zone);
  });
});
