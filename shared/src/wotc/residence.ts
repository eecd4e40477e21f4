import { Type, type Static } from 'typebox';
import ezData from '../../data/empowerment-zones.json' with { type: 'json' };
import rrcData from '../../data/rrc-counties.json' with { type: 'json' };
import { uspsStateSchema } from './states.ts';

/**
 * Where the applicant lives, as far as groups D (designated community resident) and F (summer
 * youth) care: in a Rural Renewal County (county-level list) or an Empowerment Zone (census
 * tracts, which this package cannot resolve). Lookups answer `yes`, `no` or `unknown`; only a
 * complete table can answer `no`.
 */

export const rrcTableSchema = Type.Object({
  title: Type.String(),
  source: Type.String({ minLength: 1 }),
  revision: Type.String({ minLength: 1 }),
  /** Only a complete table may say "not an RRC"; otherwise every miss is "unknown". */
  complete: Type.Boolean(),
  status: Type.Union([Type.Literal('transcribed'), Type.Literal('not_transcribed')]),
  note: Type.String(),
  counties: Type.Array(
    Type.Object({ state: uspsStateSchema, county: Type.String({ minLength: 1 }) }),
  ),
});
export type RrcTable = Static<typeof rrcTableSchema>;

export const ezAreaSchema = Type.Object({
  state: uspsStateSchema,
  county: Type.Optional(Type.String({ minLength: 1 })),
  city: Type.Optional(Type.String({ minLength: 1 })),
});
export type EzArea = Static<typeof ezAreaSchema>;

export const ezTableSchema = Type.Object({
  title: Type.String(),
  sources: Type.Array(Type.String(), { minItems: 1 }),
  revision: Type.String({ minLength: 1 }),
  /** Last day of the designations (IRC §1391); residence counts only on or before it. */
  designatedThrough: Type.String({ format: 'date' }),
  /** Only a complete table may say "not in an EZ"; otherwise every miss is "unknown". */
  complete: Type.Boolean(),
  note: Type.String(),
  zones: Type.Array(
    Type.Object({
      name: Type.String({ minLength: 1 }),
      kind: Type.Union([Type.Literal('urban'), Type.Literal('rural')]),
      areas: Type.Array(ezAreaSchema),
    }),
  ),
});
export type EzTable = Static<typeof ezTableSchema>;

/** The shipped Rural Renewal County table (see shared/data/rrc-counties.json for its status). */
export const RRC_TABLE = rrcData as RrcTable;
/** The shipped Empowerment Zone names (see shared/data/empowerment-zones.json). */
export const EZ_TABLE = ezData as EzTable;

export type Lookup = 'yes' | 'no' | 'unknown';

const PLACE_SUFFIX =
  /\s+(county|parish|borough|census area|city and borough|municipality|municipio)$/;

/**
 * Comparable key for a county or city name: case, punctuation, spacing, "Saint"/"St." and a
 * trailing "County"/"Parish"/"Borough" do not matter ("St. Louis County" = "saint louis"), but
 * "St. Louis city" (an independent city) stays different from "St. Louis" (the county).
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
    .replace(/^saint\s+|^ste?\s+/, (m) => (m.startsWith('ste') ? 'ste ' : 'st '))
    .replace(/[^a-z0-9]/g, '');
}

/** Is this county on the RRC list? `unknown` when the table is incomplete or the place missing. */
export function lookupRuralRenewalCounty(
  table: RrcTable,
  state: string | undefined,
  county: string | undefined,
): Lookup {
  if (!state || !county || placeKey(county) === '') return 'unknown';
  const key = placeKey(county);
  const listed = table.counties.some((c) => c.state === state && placeKey(c.county) === key);
  if (listed) return 'yes';
  return table.complete ? 'no' : 'unknown';
}

export interface HomePlace {
  state?: string;
  county?: string;
  city?: string;
}

/** Names of the zones whose listed county or city contains the home address. */
export function empowermentZonesNear(table: EzTable, home: HomePlace): string[] {
  if (!home.state) return [];
  const county = home.county ? placeKey(home.county) : undefined;
  const city = home.city ? placeKey(home.city) : undefined;
  return table.zones
    .filter((zone) =>
      zone.areas.some(
        (area) =>
          area.state === home.state &&
          ((area.county !== undefined &&
            county !== undefined &&
            placeKey(area.county) === county) ||
            (area.city !== undefined && city !== undefined && placeKey(area.city) === city)),
      ),
    )
    .map((zone) => zone.name);
}
