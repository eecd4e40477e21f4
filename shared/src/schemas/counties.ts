import { Type, type Static } from 'typebox';
import { COUNTY_FIPS_PATTERN } from '../wotc/counties.ts';
import { uspsStateSchema } from '../wotc/states.ts';

/** The counties of one state, for the survey's county picker (`GET /api/counties?state=XX`). */

export const countyListQuerySchema = Type.Object(
  { state: uspsStateSchema },
  { additionalProperties: false },
);
export type CountyListQuery = Static<typeof countyListQuerySchema>;

export const countyEntrySchema = Type.Object({
  /** 5-digit FIPS code: what the survey stores as the `county` answer. */
  fips: Type.String({ pattern: COUNTY_FIPS_PATTERN }),
  /** Census name: `Sangamon County`, `Orleans Parish`, `Norton city`. */
  name: Type.String(),
});
export type CountyEntry = Static<typeof countyEntrySchema>;

export const countyListSchema = Type.Object({
  state: uspsStateSchema,
  /** By name; empty for territories and military addresses (they answer "not listed"). */
  counties: Type.Array(countyEntrySchema),
});
export type CountyList = Static<typeof countyListSchema>;
