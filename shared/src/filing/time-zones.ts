/**
 * The time zones an organization may count its filing deadlines in, and the default for each state
 * (docs/filing.md §3). No schema here: the web app reads these without TypeBox.
 */

/**
 * The IANA zones of the United States and its inhabited territories, as the tz database's
 * `zone1970.tab` lists them for US, PR, VI, GU, MP and AS. Zones that differ only in their history
 * before 1970 are the same zone today; the list keeps the canonical names so an address in, say,
 * Starke County, Indiana, can pick its own.
 */
export const US_TIME_ZONES = [
  { id: 'America/New_York', label: 'Eastern (most areas)' },
  { id: 'America/Detroit', label: 'Eastern, Michigan (most areas)' },
  { id: 'America/Kentucky/Louisville', label: 'Eastern, Kentucky (Louisville area)' },
  { id: 'America/Kentucky/Monticello', label: 'Eastern, Kentucky (Wayne County)' },
  { id: 'America/Indiana/Indianapolis', label: 'Eastern, Indiana (most areas)' },
  { id: 'America/Indiana/Vincennes', label: 'Eastern, Indiana (Daviess, Dubois, Knox, Martin)' },
  { id: 'America/Indiana/Winamac', label: 'Eastern, Indiana (Pulaski)' },
  { id: 'America/Indiana/Marengo', label: 'Eastern, Indiana (Crawford)' },
  { id: 'America/Indiana/Petersburg', label: 'Eastern, Indiana (Pike)' },
  { id: 'America/Indiana/Vevay', label: 'Eastern, Indiana (Switzerland County)' },
  { id: 'America/Chicago', label: 'Central (most areas)' },
  { id: 'America/Indiana/Tell_City', label: 'Central, Indiana (Perry)' },
  { id: 'America/Indiana/Knox', label: 'Central, Indiana (Starke)' },
  { id: 'America/Menominee', label: 'Central, Michigan (Wisconsin border)' },
  { id: 'America/North_Dakota/Center', label: 'Central, North Dakota (Oliver)' },
  { id: 'America/North_Dakota/New_Salem', label: 'Central, North Dakota (Morton rural)' },
  { id: 'America/North_Dakota/Beulah', label: 'Central, North Dakota (Mercer)' },
  { id: 'America/Denver', label: 'Mountain (most areas)' },
  { id: 'America/Boise', label: 'Mountain, southern Idaho and eastern Oregon' },
  { id: 'America/Phoenix', label: 'Mountain Standard Time, Arizona (no DST)' },
  { id: 'America/Los_Angeles', label: 'Pacific' },
  { id: 'America/Anchorage', label: 'Alaska (most areas)' },
  { id: 'America/Juneau', label: 'Alaska (Juneau area)' },
  { id: 'America/Sitka', label: 'Alaska (Sitka area)' },
  { id: 'America/Metlakatla', label: 'Alaska (Annette Island)' },
  { id: 'America/Yakutat', label: 'Alaska (Yakutat)' },
  { id: 'America/Nome', label: 'Alaska (west)' },
  { id: 'America/Adak', label: 'Hawaii-Aleutian, Alaska (western Aleutians)' },
  { id: 'Pacific/Honolulu', label: 'Hawaii (no DST)' },
  { id: 'America/Puerto_Rico', label: 'Atlantic, Puerto Rico' },
  { id: 'America/St_Thomas', label: 'Atlantic, U.S. Virgin Islands' },
  { id: 'Pacific/Guam', label: 'Chamorro, Guam' },
  { id: 'Pacific/Saipan', label: 'Chamorro, Northern Mariana Islands' },
  { id: 'Pacific/Pago_Pago', label: 'Samoa, American Samoa' },
] as const;

export type UsTimeZone = (typeof US_TIME_ZONES)[number]['id'];

export const US_TIME_ZONE_IDS: readonly UsTimeZone[] = US_TIME_ZONES.map((zone) => zone.id);

const ZONE_IDS: ReadonlySet<string> = new Set(US_TIME_ZONE_IDS);

export function isUsTimeZone(value: unknown): value is UsTimeZone {
  return typeof value === 'string' && ZONE_IDS.has(value);
}

/**
 * The zone deadlines are counted in when the organization has neither chosen one nor given its
 * address's state. Eastern is the conservative choice on the mainland: a new day starts there
 * first, so the days left are never more than anywhere else in the contiguous states.
 */
export const FALLBACK_TIME_ZONE: UsTimeZone = 'America/New_York';

/**
 * The default zone of each state, territory and DC (docs/filing.md §3). Where a state spans two
 * zones, the one most of its people live in (Census populations by county against the zone
 * boundaries of 49 CFR Part 71): e.g. Florida's panhandle west of the Apalachicola is Central but
 * most Floridians are Eastern; Tennessee's Nashville and Memphis outweigh Knoxville and Chattanooga.
 * The military "states" AA, AE and AP have none.
 */
export const STATE_DEFAULT_TIME_ZONES: Readonly<Record<string, UsTimeZone>> = {
  AL: 'America/Chicago',
  AK: 'America/Anchorage', // Adak and the western Aleutians: a few thousand people
  AZ: 'America/Phoenix', // the Navajo Nation keeps DST; most Arizonans do not
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/New_York', // panhandle west of the Apalachicola River is Central
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Boise', // the northern panhandle is Pacific; Boise and the south are Mountain
  IL: 'America/Chicago',
  IN: 'America/Indiana/Indianapolis', // the Chicago and Evansville corners are Central
  IA: 'America/Chicago',
  KS: 'America/Chicago', // four western counties are Mountain
  KY: 'America/New_York', // Louisville and Lexington are Eastern; the west is Central
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit', // four Upper Peninsula counties are Central
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Chicago', // the western panhandle is Mountain
  NV: 'America/Los_Angeles', // West Wendover is Mountain
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Chicago', // the southwest is Mountain
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles', // most of Malheur County is Mountain
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Chicago', // the west (Rapid City) is Mountain; Sioux Falls and the east are Central
  TN: 'America/Chicago', // East Tennessee is Eastern
  TX: 'America/Chicago', // El Paso and Hudspeth counties are Mountain
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
  PR: 'America/Puerto_Rico',
  VI: 'America/St_Thomas',
  GU: 'Pacific/Guam',
  MP: 'Pacific/Saipan',
  AS: 'Pacific/Pago_Pago',
};

/** The default zone of a USPS state code; `null` for AA/AE/AP or anything unknown. */
export function defaultTimeZoneForState(state: string | null | undefined): UsTimeZone | null {
  if (!state) return null;
  return Object.hasOwn(STATE_DEFAULT_TIME_ZONES, state) ? STATE_DEFAULT_TIME_ZONES[state]! : null;
}
