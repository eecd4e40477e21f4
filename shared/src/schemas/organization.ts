import { Type, type Static } from 'typebox';
import { surveyLanguageSchema } from './survey.ts';

/**
 * The prefix of the Lever tags Eligo writes (`<prefix>-WOTC:Pre Qualified`). Lever tags are free,
 * case-sensitive text; the prefix is kept to letters, digits, spaces and `_ . & ' -`, starts and ends
 * with a letter or digit, and never holds the `:` that separates it from the status.
 */
export const TAG_PREFIX_PATTERN = "^[\\p{L}\\p{N}](?:[\\p{L}\\p{N} _.&'-]{0,38}[\\p{L}\\p{N}])?$";
export const tagPrefixSchema = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: TAG_PREFIX_PATTERN,
});

export const DEFAULT_TAG_PREFIX = 'Eligo';

export const organizationSettingsSchema = Type.Object({
  tagPrefix: tagPrefixSchema,
  /** Language of the survey emails (and the survey's starting language). */
  surveyLanguage: surveyLanguageSchema,
});
export type OrganizationSettings = Static<typeof organizationSettingsSchema>;

export const updateOrganizationSettingsBodySchema = Type.Object(
  {
    tagPrefix: Type.Optional(tagPrefixSchema),
    surveyLanguage: Type.Optional(surveyLanguageSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationSettingsBody = Static<typeof updateOrganizationSettingsBodySchema>;

/** The tags Eligo writes for a status, e.g. `Eligo-WOTC:Pre Qualified`. */
export function wotcTag(prefix: string, status: 'pre_qualified' | 'not_qualified'): string {
  return `${prefix}-WOTC:${status === 'pre_qualified' ? 'Pre Qualified' : 'Not Qualified'}`;
}
