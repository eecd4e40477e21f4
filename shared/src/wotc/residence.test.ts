import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import {
  EZ_TABLE,
  RRC_TABLE,
  empowermentZonesNear,
  ezTableSchema,
  lookupRuralRenewalCounty,
  placeKey,
  rrcTableSchema,
  type RrcTable,
} from './residence.ts';

/** A made-up, complete table: exercises the lookup, says nothing about real counties. */
const COMPLETE_FIXTURE: RrcTable = {
  title: 'test fixture',
  source: 'test',
  revision: 'test',
  complete: true,
  status: 'transcribed',
  note: '',
  counties: [
    { state: 'KS', county: 'Testcounty' },
    { state: 'LA', county: 'St. Exampleparish' },
  ],
};

describe('shipped data files', () => {
  test('match their schemas', () => {
    expect(Value.Check(rrcTableSchema, RRC_TABLE)).toBe(true);
    expect(Value.Check(ezTableSchema, EZ_TABLE)).toBe(true);
  });

  test('the RRC table is either complete or honestly empty, never a partial list', () => {
    if (RRC_TABLE.complete) {
      expect(RRC_TABLE.status).toBe('transcribed');
      expect(RRC_TABLE.counties.length).toBeGreaterThan(300);
    } else {
      expect(RRC_TABLE.status).toBe('not_transcribed');
      expect(RRC_TABLE.counties).toEqual([]);
    }
    expect(RRC_TABLE.source).toMatch(/Form 8850/);
    expect(RRC_TABLE.revision).toMatch(/^\d{4}-\d{2}$/);
  });

  test('the EZ table names the 30 urban zones of wotc.md §3.4 and ends with 2025', () => {
    expect(EZ_TABLE.zones.filter((z) => z.kind === 'urban')).toHaveLength(30);
    expect(EZ_TABLE.designatedThrough).toBe('2025-12-31');
    expect(EZ_TABLE.complete).toBe(false);
  });
});

describe('placeKey', () => {
  test.each([
    ['St. Louis County', 'Saint Louis'],
    ['DeKalb', 'De Kalb County'],
    ['Miami-Dade', 'miami dade'],
    ["Prince George's County", 'Prince Georges'],
    ['Doña Ana', 'Dona Ana County'],
    ['Ste. Genevieve', 'Ste Genevieve County'],
    ['Orleans Parish', 'orleans'],
  ])('%s = %s', (a, b) => {
    expect(placeKey(a)).toBe(placeKey(b));
  });

  test('an independent city stays different from the county of the same name', () => {
    expect(placeKey('St. Louis city')).not.toBe(placeKey('St. Louis County'));
  });
});

describe('lookupRuralRenewalCounty', () => {
  test.each<[string | undefined, string | undefined, string]>([
    ['KS', 'Testcounty', 'yes'],
    ['KS', 'testcounty county', 'yes'],
    ['LA', 'Saint Exampleparish Parish', 'yes'],
    ['NE', 'Testcounty', 'no'],
    ['KS', 'Othercounty', 'no'],
    ['KS', undefined, 'unknown'],
    [undefined, 'Testcounty', 'unknown'],
  ])('complete table: %s / %s → %s', (state, county, expected) => {
    expect(lookupRuralRenewalCounty(COMPLETE_FIXTURE, state, county)).toBe(expected);
  });

  test('an incomplete table never answers "no"', () => {
    const partial = { ...COMPLETE_FIXTURE, complete: false };
    expect(lookupRuralRenewalCounty(partial, 'KS', 'Testcounty')).toBe('yes');
    expect(lookupRuralRenewalCounty(partial, 'KS', 'Othercounty')).toBe('unknown');
  });
});

describe('empowermentZonesNear', () => {
  test.each([
    [{ state: 'IL', city: 'Chicago', county: 'Cook' }, ['Chicago, IL']],
    [
      { state: 'IL', city: 'East St. Louis', county: 'St. Clair' },
      ['St. Louis, MO/East St. Louis, IL'],
    ],
    [{ state: 'MO', city: 'Saint Louis' }, ['St. Louis, MO/East St. Louis, IL']],
    [
      { state: 'CA', city: 'Pasadena', county: 'Los Angeles County' },
      ['Los Angeles, CA (city and county)'],
    ],
    [{ state: 'FL', city: 'Hialeah', county: 'Miami-Dade' }, ['Miami/Dade County, FL']],
    [{ state: 'GA', city: 'Vienna', county: 'Dooly' }, ['Southwest Georgia United, GA']],
    [{ state: 'CA', city: 'Chicago' }, []],
    [{ state: 'IN', city: 'Chicago' }, []],
    [{ city: 'Chicago' }, []],
  ])('%o → %o', (home, zones) => {
    expect(empowermentZonesNear(EZ_TABLE, home)).toEqual(zones);
  });
});
