import { Type, type Static } from 'typebox';

/**
 * USPS two-letter codes accepted for a home address: the 50 states, DC, the five inhabited
 * territories and the three military "states" (AA, AE, AP).
 */
// prettier-ignore
export const USPS_STATE_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY',
  'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV',
  'WI', 'WY', 'DC', 'AS', 'GU', 'MP', 'PR', 'VI', 'AA', 'AE', 'AP',
] as const;

export const uspsStateSchema = Type.Enum(USPS_STATE_CODES);
export type UspsState = Static<typeof uspsStateSchema>;

const CODES: ReadonlySet<string> = new Set(USPS_STATE_CODES);

export function isUspsStateCode(value: unknown): value is UspsState {
  return typeof value === 'string' && CODES.has(value);
}
