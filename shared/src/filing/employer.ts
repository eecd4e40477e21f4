import { USPS_STATE_CODES } from '../wotc/states.ts';
import type { EmployerProfile, EmployerProfileDraft } from '../schemas/employer.ts';
import { defaultTimeZoneForState, FALLBACK_TIME_ZONE, type UsTimeZone } from './time-zones.ts';

/**
 * The employer profile's formats and completeness (docs/filing.md §1): the values Form 8850 page 2
 * and ETA 9061 boxes 3–5 are filled from. No schema here (the web app reads these without TypeBox);
 * `schemas/employer.ts` builds the schemas from the same patterns.
 */

/**
 * `NN-NNNNNNN` whose first two digits are a prefix the IRS assigns ("How EINs are assigned and
 * valid EIN prefixes", irs.gov): 01–06, 10–16, 20–27, 30–48, 50–68, 71–77, 80–88, 90–95, 98, 99.
 * 00, 07–09, 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96 and 97 are never issued.
 */
export const EIN_PATTERN =
  '^(?:0[1-6]|1[0-6]|2[0-7]|3\\d|4[0-8]|5\\d|6[0-8]|7[1-7]|8[0-8]|9[0-5]|9[89])-\\d{7}$';
const EIN_SHAPE = /^\d{2}-\d{7}$/;
const EIN = new RegExp(EIN_PATTERN);

/**
 * A US telephone number as people write it: optional +1, area code and exchange starting with 2–9
 * (North American Numbering Plan), the usual separators, and an optional extension
 * (`x12`, `ext. 12`, `Ext 12`).
 */
export const EMPLOYER_PHONE_PATTERN =
  '^(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\)|[2-9]\\d{2})[ .-]?[2-9]\\d{2}[ .-]?\\d{4}(?: ?(?:x|X|ext\\.?|Ext\\.?) ?\\d{1,6})?$';

/** States an employer can be in or employ people in: USPS codes without the military AA/AE/AP. */
export type EmployerState = Exclude<(typeof USPS_STATE_CODES)[number], 'AA' | 'AE' | 'AP'>;
export const EMPLOYER_STATE_CODES: readonly EmployerState[] = USPS_STATE_CODES.filter(
  (code): code is EmployerState => code !== 'AA' && code !== 'AE' && code !== 'AP',
);

/** Why an EIN is refused, in words for a form field; `null` when it is acceptable. */
export function einProblem(ein: string): string | null {
  if (!EIN_SHAPE.test(ein))
    return 'Enter the EIN as NN-NNNNNNN (two digits, a dash, seven digits).';
  if (!EIN.test(ein)) return `No EIN starts with ${ein.slice(0, 2)}: check the first two digits.`;
  return null;
}

/** `**-***6789`: what members see (the last four digits identify it; the rest stays private). */
export function maskEin(ein: string): string {
  return `**-***${ein.slice(-4)}`;
}

/** Every field of the profile, by its path, in the order the Employer form shows them. */
export const EMPLOYER_PROFILE_FIELDS = [
  'legalName',
  'ein',
  'address.street',
  'address.city',
  'address.state',
  'address.zip',
  'phone',
  'contact.name',
  'contact.title',
  'contact.phone',
  'contact.email',
] as const;
export type EmployerProfileField = (typeof EMPLOYER_PROFILE_FIELDS)[number];

export const EMPLOYER_PROFILE_FIELD_LABELS: Record<EmployerProfileField, string> = {
  legalName: 'Legal name',
  ein: 'EIN',
  'address.street': 'Street address',
  'address.city': 'City',
  'address.state': 'State',
  'address.zip': 'ZIP code',
  phone: 'Telephone',
  'contact.name': 'Contact person',
  'contact.title': "Contact's title",
  'contact.phone': "Contact's telephone",
  'contact.email': "Contact's email",
};

/** `taxYearStartMonth` of calendar tax years: the default (docs/credits.md §3). */
export const CALENDAR_TAX_YEAR = 1;

/** A profile with nothing filled in: what an organization has before an admin saves one. */
export const EMPTY_EMPLOYER_PROFILE: EmployerProfileDraft = {
  legalName: null,
  ein: null,
  address: { street: null, city: null, state: null, zip: null },
  phone: null,
  contact: { name: null, title: null, phone: null, email: null },
  timeZone: null,
  employmentStates: null,
  taxYearStartMonth: CALENDAR_TAX_YEAR,
};

function valueAt(profile: EmployerProfileDraft, field: EmployerProfileField): string | null {
  const [group, key] = field.split('.') as [string, string | undefined];
  if (key === undefined) return profile[group as 'legalName' | 'ein' | 'phone'];
  return (profile[group as 'address' | 'contact'] as Record<string, string | null>)[key] ?? null;
}

/**
 * What the forms still need from the profile, as field paths in form order: `[]` when complete.
 * The time zone and the employment states are never missing (they default from the address).
 */
export function employerProfileMissing(
  profile: EmployerProfileDraft | null | undefined,
): EmployerProfileField[] {
  const draft = profile ?? EMPTY_EMPLOYER_PROFILE;
  return EMPLOYER_PROFILE_FIELDS.filter((field) => {
    const value = valueAt(draft, field);
    return value === null || value.trim() === '';
  });
}

/** The zone deadlines are counted in: the chosen one, else the address state's, else Eastern. */
export function effectiveTimeZone(profile: EmployerProfileDraft | null | undefined): UsTimeZone {
  return profile?.timeZone ?? defaultTimeZoneForState(profile?.address.state) ?? FALLBACK_TIME_ZONE;
}

/** The month the employer's tax year starts in: the chosen one, else January (calendar years). */
export function effectiveTaxYearStartMonth(
  profile: EmployerProfileDraft | null | undefined,
): number {
  return profile?.taxYearStartMonth ?? CALENDAR_TAX_YEAR;
}

/** Where people are employed: the chosen states, else the address's state, else none known. */
export function effectiveEmploymentStates(
  profile: EmployerProfileDraft | null | undefined,
): EmployerState[] {
  if (profile?.employmentStates?.length) return [...profile.employmentStates];
  return profile?.address.state ? [profile.address.state] : [];
}

/** The state a new hire works in when nobody said: the employer's only employment state. */
export function defaultEmployedInState(
  profile: EmployerProfileDraft | null | undefined,
): EmployerState | null {
  const states = effectiveEmploymentStates(profile);
  return states.length === 1 ? states[0]! : null;
}

/**
 * The complete profile the forms are filled from, with the time zone and employment states
 * resolved; `null` while anything is missing (`employerProfileMissing` says what).
 */
export function completeEmployerProfile(
  profile: EmployerProfileDraft | null | undefined,
): EmployerProfile | null {
  if (!profile || employerProfileMissing(profile).length > 0) return null;
  const { address, contact } = profile;
  return {
    legalName: profile.legalName!,
    ein: profile.ein!,
    address: {
      street: address.street!,
      city: address.city!,
      state: address.state!,
      zip: address.zip!,
    },
    phone: profile.phone!,
    contact: {
      name: contact.name!,
      title: contact.title!,
      phone: contact.phone!,
      email: contact.email!,
    },
    timeZone: effectiveTimeZone(profile),
    employmentStates: effectiveEmploymentStates(profile),
  };
}
