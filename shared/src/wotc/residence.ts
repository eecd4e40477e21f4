import { Type, type Static } from 'typebox';
import ezData from '../../data/empowerment-zones.json' with { type: 'json' };
import rrcData from '../../data/rrc-counties.json' with { type: 'json' };
import { COUNTY_FIPS_PATTERN, countyAnswerOf, isCountyFips } from './counties.ts';
import { uspsStateSchema } from './states.ts';

/**
 * Where the applicant lives, as far as groups D (designated community resident) and F (summer
 * youth) care (docs/wotc-rules.md §6): in a Rural Renewal County (a fixed list of counties, looked
 * up by the county's FIPS code) or an Empowerment Zone (census tracts, which this package cannot
 * resolve: a county or city match only says "may"). Lookups answer `yes`, `no` or `unknown`; only
 * a complete table can answer `no`.
 */

const fipsSchema = Type.String({ pattern: COUNTY_FIPS_PATTERN });

export const rrcTableSchema = Type.Object({
  source: Type.String({ minLength: 1 }),
  /** Only a complete table may say "not an RRC"; otherwise every miss is "unknown". */
  complete: Type.Boolean(),
  counties: Type.Array(
    Type.Object({
      state: uspsStateSchema,
      fips: fipsSchema,
      /** The name as the source list spells it. */
      county: Type.String({ minLength: 1 }),
      /** The Census name, e.g. `Butler County`, `Norton city`. */
      census_name: Type.String({ minLength: 1 }),
    }),
  ),
});
export type RrcTable = Static<typeof rrcTableSchema>;

export const ezAreaSchema = Type.Object({
  state: uspsStateSchema,
  /** A county the zone lies in (5-digit FIPS). */
  county: Type.Optional(fipsSchema),
  /** The whole county is in the zone (a resident lives in it), not only some of its tracts. */
  whole: Type.Optional(Type.Boolean()),
  city: Type.Optional(Type.String({ minLength: 1 })),
});

export const ezTableSchema = Type.Object({
  title: Type.String(),
  source: Type.String({ minLength: 1 }),
  /** Last day of the designations; residence counts only on or before it. */
  designatedThrough: Type.String({ format: 'date' }),
  /** Only a complete table may say "not in an EZ"; otherwise every miss is "unknown". */
  complete: Type.Boolean(),
  note: Type.String(),
  zones: Type.Array(
    Type.Object({
      name: Type.String({ minLength: 1 }),
      kind: Type.Union([Type.Literal('urban'), Type.Literal('rural')]),
      areas: Type.Array(ezAreaSchema),
      sources: Type.Array(Type.String(), { minItems: 1 }),
    }),
  ),
});
export type EzTable = Static<typeof ezTableSchema>;

/** The shipped Rural Renewal County list (shared/data/rrc-counties.json). */
export const RRC_TABLE = rrcData as RrcTable;
/** The shipped Empowerment Zones (shared/data/empowerment-zones.json). */
export const EZ_TABLE = ezData as EzTable;

/**
 * RRC list entries whose FIPS code no longer exists, and today's counties in their place. A
 * successor wholly inside the old area is an RRC; one that only contains it needs a person to look
 * at the address (docs/wotc-rules.md §6.3).
 */
export const RETIRED_RRC_CODES: readonly {
  fips: string;
  name: string;
  successors: readonly { fips: string; name: string; within: 'whole' | 'part' }[];
}[] = [
  {
    fips: '02280',
    name: 'Wrangell-Petersburg Census Area, AK',
    successors: [
      { fips: '02275', name: 'Wrangell City and Borough', within: 'whole' },
      { fips: '02195', name: 'Petersburg Borough', within: 'whole' },
    ],
  },
  {
    fips: '51560',
    name: 'Clifton Forge city, VA',
    successors: [{ fips: '51005', name: 'Alleghany County', within: 'part' }],
  },
];

export type Lookup = 'yes' | 'no' | 'unknown';

export interface RrcLookup {
  result: Lookup;
  /** For `yes`, the county; for `unknown`, what a person has to check. */
  detail: string;
}

/**
 * Is the home county a Rural Renewal County? `county` is the stored answer: a FIPS code, or
 * `not_listed` (free text from an old draft counts as that). Without a county, only a state that
 * has no RRC at all gives a sure `no`.
 */
export function lookupRuralRenewalCounty(
  table: RrcTable,
  state: string | undefined,
  county: unknown,
): RrcLookup {
  const answer = countyAnswerOf(county);
  if (!state) return { result: 'unknown', detail: 'no state given: check the home address' };
  if (isCountyFips(answer)) {
    const listed = table.counties.find((c) => c.fips === answer);
    if (listed) return { result: 'yes', detail: `${listed.census_name}, ${listed.state}` };
    for (const retired of RETIRED_RRC_CODES) {
      const successor = retired.successors.find((s) => s.fips === answer);
      if (!successor || !table.counties.some((c) => c.fips === retired.fips)) continue;
      if (successor.within === 'whole') {
        return {
          result: 'yes',
          detail: `${successor.name}, ${state}, part of the former ${retired.name}`,
        };
      }
      return {
        result: 'unknown',
        detail: `${successor.name}, ${state}: only the former ${retired.name} in it is a Rural Renewal County; check whether the address is there`,
      };
    }
    if (table.complete) return { result: 'no', detail: '' };
    return {
      result: 'unknown',
      detail: `Rural Renewal County list incomplete: check county ${answer}, ${state}`,
    };
  }
  if (table.complete && !table.counties.some((c) => c.state === state)) {
    return { result: 'no', detail: '' };
  }
  return {
    result: 'unknown',
    detail: `county not given: check whether the address is in one of ${state}'s Rural Renewal Counties`,
  };
}

const PLACE_SUFFIX =
  /\s+(county|parish|borough|census area|city and borough|municipality|municipio)$/;

/**
 * Comparable key for a city name: case, punctuation, spacing and "Saint"/"St." do not matter
 * ("St. Louis" = "saint louis"), a trailing "County"/"Parish"/"Borough" is dropped.
 */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[.,'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PLACE_SUFFIX, '')
    .replace(/\b(sainte|saint|ste|st)\s+/g, (_, word: string) =>
      word === 'sainte' || word === 'ste' ? 'ste ' : 'st ',
    )
    .replace(/[^a-z0-9]/g, '');
}

export interface HomePlace {
  state?: string;
  /** The stored county answer (FIPS code or `not_listed`). */
  county?: unknown;
  city?: string;
}

function areasAround(table: EzTable, home: HomePlace) {
  const county = countyAnswerOf(home.county);
  const fips = isCountyFips(county) ? county : undefined;
  const city = home.city ? placeKey(home.city) : undefined;
  return table.zones.flatMap((zone) =>
    zone.areas
      .filter(
        (area) =>
          area.state === home.state &&
          ((fips !== undefined && area.county === fips) ||
            (city !== undefined && area.city !== undefined && placeKey(area.city) === city)),
      )
      .map((area) => ({ zone: zone.name, area })),
  );
}

/** Names of the zones whose listed county or city contains the home address. */
export function empowermentZonesNear(table: EzTable, home: HomePlace): string[] {
  return [...new Set(areasAround(table, home).map((hit) => hit.zone))];
}

/** The zone the home is surely in: its whole county belongs to the zone. */
export function empowermentZoneContaining(table: EzTable, home: HomePlace): string | undefined {
  return areasAround(table, home).find((hit) => hit.area.county && hit.area.whole)?.zone;
}
