import { Type, type Static } from 'typebox';
import { TAG_PREFIX_PATTERN } from '../applicants.ts';
import { employerProfileDraftSchema, employerProfileInputSchema } from './employer.ts';
import { surveyLanguageSchema } from './survey.ts';

export { DEFAULT_TAG_PREFIX, TAG_PREFIX_PATTERN, wotcTag } from '../applicants.ts';

export const tagPrefixSchema = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: TAG_PREFIX_PATTERN,
});

export const organizationSettingsSchema = Type.Object({
  tagPrefix: tagPrefixSchema,
  /** Language of the survey emails (and the survey's starting language). */
  surveyLanguage: surveyLanguageSchema,
  /** The employer profile (docs/filing.md §1); an empty profile (all `null`) until an admin saves one. */
  employer: employerProfileDraftSchema,
});
export type OrganizationSettings = Static<typeof organizationSettingsSchema>;

export const updateOrganizationSettingsBodySchema = Type.Object(
  {
    tagPrefix: Type.Optional(tagPrefixSchema),
    surveyLanguage: Type.Optional(surveyLanguageSchema),
    /** Replaces the whole saved profile (each field well-formed or `null`), never merged. */
    employer: Type.Optional(employerProfileInputSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationSettingsBody = Static<typeof updateOrganizationSettingsBodySchema>;
