/**
 * The target groups by name, for people (the applicant page, its timeline, the CSV export): no
 * schema here, so the web app reads them without TypeBox. `groups.ts` builds the target groups
 * from the same names (docs/wotc-rules.md §2).
 */
export const TARGET_GROUP_NAMES = {
  A: 'Qualified IV-A recipient (short-term TANF)',
  'B-a': 'Qualified veteran receiving SNAP',
  'B-b': 'Disabled veteran hired within 1 year of discharge',
  'B-c': 'Disabled veteran unemployed 6 months or more',
  'B-d': 'Veteran unemployed at least 4 weeks but less than 6 months',
  'B-e': 'Veteran unemployed 6 months or more',
  C: 'Qualified ex-felon',
  D: 'Designated community resident (EZ or RRC)',
  E: 'Vocational rehabilitation referral',
  F: 'Qualified summer youth employee',
  G: 'SNAP recipient (age 18–39)',
  H: 'SSI recipient',
  I: 'Long-term family assistance recipient (long-term TANF)',
  J: 'Qualified long-term unemployment recipient',
} as const;

/** A group's name by its code (`H` → "SSI recipient"); an unknown code as it is. */
export function targetGroupName(code: string): string {
  return (TARGET_GROUP_NAMES as Record<string, string>)[code] ?? code;
}

/**
 * Codes as stored on a timeline (`"H, B-a"`) or listed (`['H', 'B-a']`) → their names, joined
 * with "; " (the names have commas of their own).
 */
export function targetGroupNames(codes: string | readonly string[]): string {
  const list = typeof codes === 'string' ? codes.split(/[,\s]+/) : codes;
  return list
    .filter((code) => code !== '')
    .map(targetGroupName)
    .join('; ');
}
