import { Type, type Static, type TSchema } from 'typebox';
import { LINE_MAX, NAME_MAX, ZIP_PATTERN } from '../wotc/answer-checks.ts';
import {
  EIN_PATTERN,
  EMPLOYER_PHONE_PATTERN,
  EMPLOYER_PROFILE_FIELDS,
  EMPLOYER_STATE_CODES,
} from '../filing/employer.ts';
import { US_TIME_ZONE_IDS } from '../filing/time-zones.ts';
import { emailSchema, NOT_BLANK } from './common.ts';

/**
 * The employer profile (My Account › Data Settings › Employer; docs/filing.md §1): who files
 * Form 8850 and ETA 9061, and the time zone its deadlines are counted in.
 */

/** `NN-NNNNNNN` with a prefix the IRS issues (`EIN_PATTERN`, filing/employer.ts). */
export const einSchema = Type.String({ pattern: EIN_PATTERN });
/** `**-***6789`. */
export const einMaskedSchema = Type.String({ pattern: '^\\*\\*-\\*\\*\\*\\d{4}$' });
export const employerPhoneSchema = Type.String({ maxLength: 40, pattern: EMPLOYER_PHONE_PATTERN });
export const employerStateSchema = Type.Enum(EMPLOYER_STATE_CODES);
/** `NNNNN` or `NNNNN-NNNN`. */
export const employerZipSchema = Type.String({ pattern: ZIP_PATTERN });
/** One of the IANA zones of the US and its territories (`US_TIME_ZONES`). */
export const usTimeZoneSchema = Type.Enum(US_TIME_ZONE_IDS);
/**
 * The month the employer's tax year starts in (docs/credits.md §3): 1 = the calendar year, 7 = a
 * July–June fiscal year. A whole number, never a string: `"7"` is refused, not guessed.
 */
export const taxYearStartMonthSchema = Type.Integer({ minimum: 1, maximum: 12 });
export const employmentStatesSchema = Type.Array(employerStateSchema, {
  minItems: 1,
  maxItems: EMPLOYER_STATE_CODES.length,
  uniqueItems: true,
});

const legalName = Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NOT_BLANK });
const street = Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NOT_BLANK });
const city = Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NOT_BLANK });
const personName = Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NOT_BLANK });
const title = Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NOT_BLANK });

/** The profile as the forms need it: every field filled, time zone and states resolved. */
export const employerProfileSchema = Type.Object({
  legalName,
  ein: einSchema,
  address: Type.Object({
    street,
    city,
    state: employerStateSchema,
    zip: employerZipSchema,
  }),
  phone: employerPhoneSchema,
  contact: Type.Object({
    name: personName,
    title,
    phone: employerPhoneSchema,
    email: emailSchema,
  }),
  timeZone: usTimeZoneSchema,
  employmentStates: Type.Array(employerStateSchema),
});
export type EmployerProfile = Static<typeof employerProfileSchema>;

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const draftProperties = {
  legalName: orNull(legalName),
  ein: orNull(einSchema),
  address: Type.Object(
    {
      street: orNull(street),
      city: orNull(city),
      state: orNull(employerStateSchema),
      zip: orNull(employerZipSchema),
    },
    { additionalProperties: false },
  ),
  phone: orNull(employerPhoneSchema),
  contact: Type.Object(
    {
      name: orNull(personName),
      title: orNull(title),
      phone: orNull(employerPhoneSchema),
      email: orNull(emailSchema),
    },
    { additionalProperties: false },
  ),
};

/**
 * The profile as saved: each field well-formed or `null` (not known yet; `employerProfileMissing`
 * lists those). `timeZone: null` counts deadlines in the address state's zone
 * (`effectiveTimeZone`); `employmentStates: null` means the address's state;
 * `taxYearStartMonth` is 1 (calendar tax years) until an admin chooses another month.
 */
export const employerProfileDraftSchema = Type.Object({
  ...draftProperties,
  timeZone: orNull(usTimeZoneSchema),
  employmentStates: orNull(employmentStatesSchema),
  taxYearStartMonth: taxYearStartMonthSchema,
});
export type EmployerProfileDraft = Static<typeof employerProfileDraftSchema>;

/**
 * What `PATCH /api/organization/settings` takes as `employer`: the whole profile, replacing the
 * saved one. Every field is present (`null` for not known yet), except `timeZone`,
 * `employmentStates` and `taxYearStartMonth`, which may be left out to use the defaults (the
 * address's zone and state, calendar tax years).
 */
export const employerProfileInputSchema = Type.Object(
  {
    ...draftProperties,
    timeZone: Type.Optional(orNull(usTimeZoneSchema)),
    employmentStates: Type.Optional(orNull(employmentStatesSchema)),
    taxYearStartMonth: Type.Optional(taxYearStartMonthSchema),
  },
  { additionalProperties: false },
);
export type EmployerProfileInput = Static<typeof employerProfileInputSchema>;

export const employerProfileFieldSchema = Type.Enum(EMPLOYER_PROFILE_FIELDS);

/**
 * What every user (members too) may know of the profile: enough for the Filing screen to say
 * whose filings these are and what is missing, with the EIN masked.
 */
export const employerBriefSchema = Type.Object({
  legalName: Type.Union([Type.String(), Type.Null()]),
  einMasked: Type.Union([einMaskedSchema, Type.Null()]),
  timeZone: usTimeZoneSchema,
  /** `employerProfileMissing`: `[]` when the forms can be filled. */
  missing: Type.Array(employerProfileFieldSchema),
});
export type EmployerBrief = Static<typeof employerBriefSchema>;
