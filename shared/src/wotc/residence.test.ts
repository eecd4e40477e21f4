import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import { countiesOf, countyByFips } from './county-list.ts';
import {
  EZ_TABLE,
  RETIRED_RRC_CODES,
  RRC_TABLE,
  empowermentZoneContaining,
  empowermentZonesNear,
  ezTableSchema,
  lookupRuralRenewalCounty,
  placeKey,
  rrcTableSchema,
  type RrcTable,
} from './residence.ts';

describe('shipped data files', () => {
  test('match their schemas', () => {
    expect(Value.Check(rrcTableSchema, RRC_TABLE)).toBe(true);
    expect(Value.Check(ezTableSchema, EZ_TABLE)).toBe(true);
  });

  test('the RRC list is the complete one: 408 counties in 32 states, each code once', () => {
    expect(RRC_TABLE.complete).toBe(true);
    expect(RRC_TABLE.counties).toHaveLength(408);
    expect(new Set(RRC_TABLE.counties.map((c) => c.state)).size).toBe(32);
    expect(new Set(RRC_TABLE.counties.map((c) => c.fips)).size).toBe(408);
    expect(RRC_TABLE.source).toMatch(/ruralRenewalCounties\.csv$/);
  });

  test('every RRC code is a county of its state today, but the two retired ones', () => {
    const retired = RETIRED_RRC_CODES.map((r) => r.fips);
    const missing = RRC_TABLE.counties.filter((c) => countyByFips(c.fips)?.state !== c.state);
    expect(missing.map((c) => c.fips).sort()).toEqual([...retired].sort());
    for (const r of RETIRED_RRC_CODES) {
      for (const s of r.successors) expect(countyByFips(s.fips)?.name).toBe(s.name);
    }
  });

  test('the county list has every state and DC, and nothing for territories', () => {
    expect(countiesOf('IL')).toHaveLength(102);
    expect(countiesOf('TX')).toHaveLength(254);
    expect(countiesOf('DC')).toEqual([{ fips: '11001', name: 'District of Columbia' }]);
    expect(countiesOf('PR')).toEqual([]);
    expect(countiesOf('AE')).toEqual([]);
    const il = countiesOf('IL').map((c) => c.name);
    expect(il).toEqual([...il].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('the EZ table names the 30 urban zones, says it is incomplete, and ends with 2025', () => {
    expect(EZ_TABLE.zones.filter((z) => z.kind === 'urban')).toHaveLength(30);
    expect(EZ_TABLE.zones.filter((z) => z.kind === 'rural')).toHaveLength(9);
    expect(EZ_TABLE.designatedThrough).toBe('2025-12-31');
    expect(EZ_TABLE.complete).toBe(false);
    for (const zone of EZ_TABLE.zones) {
      for (const area of zone.areas.filter((a) => a.county)) {
        expect(countyByFips(area.county!)?.state, `${zone.name} ${area.county}`).toBe(area.state);
      }
    }
  });
});

describe('placeKey', () => {
  test.each([
    ['St. Louis', 'Saint Louis'],
    ['East St. Louis', 'east saint louis'],
    ['Oklahoma City', 'OKLAHOMA  CITY'],
    ['Doña Ana', 'Dona Ana County'],
    ['Ste. Genevieve', 'Ste Genevieve County'],
  ])('%s = %s', (a, b) => {
    expect(placeKey(a)).toBe(placeKey(b));
  });
});

describe('lookupRuralRenewalCounty on the shipped list', () => {
  test.each<[string, string, string, string]>([
    // state, stored county, expected, why
    ['AL', '01013', 'yes', 'Butler County, AL'],
    ['AL', '01001', 'no', 'Autauga County, AL'],
    ['KS', '20009', 'yes', 'Barton County, KS'],
    ['KS', '20001', 'no', 'Allen County, KS'],
    ['TX', '48003', 'yes', 'Andrews County, TX'],
    ['TX', '48001', 'no', 'Anderson County, TX'],
    ['ND', '38003', 'yes', 'Barnes County, ND'],
    ['ND', '38015', 'no', 'Burleigh County, ND'],
    ['LA', '22013', 'yes', 'Bienville Parish, LA'],
    ['NY', '36019', 'yes', 'Clinton County, NY'],
    ['VA', '51720', 'yes', 'Norton city, an independent city'],
    ['VA', '51580', 'yes', 'Covington city, next to Clifton Forge'],
    ['VA', '51001', 'no', 'Accomack County, VA'],
    // The two codes that no longer exist (shared/data/README.md):
    ['AK', '02275', 'yes', 'Wrangell City and Borough, once part of 02280 Wrangell-Petersburg'],
    ['AK', '02195', 'yes', 'Petersburg Borough, once part of 02280 Wrangell-Petersburg'],
    ['AK', '02280', 'yes', 'the retired code itself (an old record)'],
    ['VA', '51005', 'unknown', 'Alleghany County: only the former Clifton Forge city is an RRC'],
    ['VA', '51560', 'yes', 'the retired Clifton Forge code itself (an old record)'],
    // No county chosen:
    ['KS', 'not_listed', 'unknown', 'KS has RRCs: a person must check'],
    ['CA', 'not_listed', 'no', 'CA has no RRC at all'],
    ['PR', 'not_listed', 'no', 'territories have none'],
    ['KS', 'Rawlins', 'unknown', 'free text from an old draft counts as not listed'],
    ['CA', 'Alameda', 'no', 'free text in a state without RRCs'],
  ])('%s %s → %s (%s)', (state, county, expected) => {
    expect(lookupRuralRenewalCounty(RRC_TABLE, state, county).result).toBe(expected);
  });

  test('a match names the county; the Alleghany case says what to check', () => {
    expect(lookupRuralRenewalCounty(RRC_TABLE, 'AL', '01013').detail).toBe('Butler County, AL');
    expect(lookupRuralRenewalCounty(RRC_TABLE, 'AK', '02195').detail).toBe(
      'Petersburg Borough, AK, part of the former Wrangell-Petersburg Census Area, AK',
    );
    expect(lookupRuralRenewalCounty(RRC_TABLE, 'VA', '51005').detail).toMatch(
      /Alleghany County, VA: only the former Clifton Forge city, VA in it/,
    );
  });

  test('without a state nothing can be said', () => {
    expect(lookupRuralRenewalCounty(RRC_TABLE, undefined, '01013').result).toBe('unknown');
  });

  test('an incomplete table never answers "no"', () => {
    const partial: RrcTable = { ...RRC_TABLE, complete: false };
    expect(lookupRuralRenewalCounty(partial, 'AL', '01013').result).toBe('yes');
    expect(lookupRuralRenewalCounty(partial, 'AL', '01001').result).toBe('unknown');
    expect(lookupRuralRenewalCounty(partial, 'CA', 'not_listed').result).toBe('unknown');
  });
});

describe('Empowerment Zones near a home', () => {
  test.each([
    [{ state: 'IL', city: 'Chicago', county: '17031' }, ['Chicago, IL']],
    [
      { state: 'IL', city: 'East St. Louis', county: '17163' },
      ['St. Louis, MO/East St. Louis, IL'],
    ],
    [{ state: 'MO', county: '29510' }, ['St. Louis, MO/East St. Louis, IL']],
    [{ state: 'CA', city: 'Pasadena', county: '06037' }, ['Los Angeles, CA (city and county)']],
    [{ state: 'FL', city: 'Hialeah', county: '12086' }, ['Miami/Dade County, FL']],
    [{ state: 'NY', county: '36005' }, ['New York, NY']],
    [{ state: 'GA', city: 'Vienna', county: '13093' }, ['Southwest Georgia United, GA']],
    [{ state: 'CA', city: 'Chicago' }, []],
    [{ state: 'IN', city: 'Chicago', county: 'not_listed' }, []],
    [{ city: 'Chicago' }, []],
  ])('%o → %o', (home, zones) => {
    expect(empowermentZonesNear(EZ_TABLE, home)).toEqual(zones);
  });

  test.each([
    [{ state: 'GA', county: '13093' }, 'Southwest Georgia United, GA'],
    [{ state: 'ND', county: '38091' }, 'Griggs-Steele, ND'],
    [{ state: 'GA', county: '13081' }, undefined],
    [{ state: 'IL', city: 'Chicago' }, undefined],
  ])('a home in %o is surely in zone %s', (home, zone) => {
    expect(empowermentZoneContaining(EZ_TABLE, home)).toBe(zone);
  });
});
