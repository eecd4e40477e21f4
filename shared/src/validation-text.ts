import { TAG_PREFIX_PATTERN } from './applicants.ts';
import { EIN_PATTERN, EMPLOYER_PHONE_PATTERN } from './filing/employer.ts';
import { EMAIL_PATTERN, NOT_BLANK } from './schemas/common.ts';
import { TEXT_MESSAGES } from './text.ts';
import { PHONE_PATTERN, ZIP_PATTERN } from './wotc/answer-checks.ts';

/**
 * What a refused field is told, in sentences for people: the one English wording of every
 * validation rule, used by the server for the `details` of a 400 (`lib/error-mapping.ts`) and by
 * the admin screens for the checks they make before sending. A schema's own wording ("must match
 * pattern …", "must NOT have fewer than 8 characters") never reaches a screen. The survey words
 * its own rules in the applicant's language (web `features/survey/i18n`).
 */

/** A rule a field broke: the detail's `rule`, with its `limit` where it has one. */
export const VALIDATION_RULES = [
  'required',
  'blank',
  'line_break',
  'control_character',
  'broken_character',
  'email',
  'min_length',
  'max_length',
  'no_spaces',
  'tag_prefix',
  'ein',
  'phone',
  'zip',
  'date',
  'choice',
  'whole_number',
  'minimum',
  'maximum',
  'min_items',
  'max_items',
  'unexpected',
  'nothing_to_change',
  'pattern',
  'invalid',
] as const;
export type ValidationRule = (typeof VALIDATION_RULES)[number];

/** The patterns of the shared schemas that mean something a person can be told. */
const PATTERN_RULES: Record<string, ValidationRule> = {
  [NOT_BLANK]: 'blank',
  [EMAIL_PATTERN]: 'email',
  '^\\S+$': 'no_spaces',
  [TAG_PREFIX_PATTERN]: 'tag_prefix',
  [EIN_PATTERN]: 'ein',
  [EMPLOYER_PHONE_PATTERN]: 'phone',
  [PHONE_PATTERN]: 'phone',
  [ZIP_PATTERN]: 'zip',
};

/** The rule a schema `pattern` stands for (`pattern` when it is not one people are told about). */
export function ruleOfPattern(pattern: string): ValidationRule {
  return PATTERN_RULES[pattern] ?? 'pattern';
}

const characters = (n: number) => (n === 1 ? '1 character' : `${n} characters`);

/** One sentence per rule; `limit` is the number the rule is about (a length, a minimum). */
export function validationSentence(rule: ValidationRule, limit?: number): string {
  switch (rule) {
    case 'required':
    case 'blank':
      return 'Fill in this field.';
    case 'line_break':
    case 'control_character':
    case 'broken_character':
      return TEXT_MESSAGES[rule];
    case 'email':
      return 'Enter an email address like name@example.com.';
    case 'min_length':
      return limit === undefined || limit <= 1
        ? 'Fill in this field.'
        : `Use at least ${characters(limit)}.`;
    case 'max_length':
      return limit === undefined ? 'This is too long.' : `Use at most ${characters(limit)}.`;
    case 'no_spaces':
      return 'Remove the spaces: this value has none.';
    case 'tag_prefix':
      return "Use letters, digits, spaces and _ . & ' - only, starting and ending with a letter or digit.";
    case 'ein':
      return 'Enter the EIN as NN-NNNNNNN (two digits, a dash, seven digits), starting with a prefix the IRS issues.';
    case 'phone':
      return 'Enter a 10-digit US phone number, e.g. (312) 555-0100.';
    case 'zip':
      return 'Enter a 5-digit ZIP code.';
    case 'date':
      return 'Enter a real date.';
    case 'choice':
      return 'Choose one of the options.';
    case 'whole_number':
      return 'Enter a whole number.';
    case 'minimum':
      return limit === undefined ? 'This number is too small.' : `Enter ${limit} or more.`;
    case 'maximum':
      return limit === undefined ? 'This number is too large.' : `Enter ${limit} or less.`;
    case 'min_items':
      return limit === undefined || limit <= 1
        ? 'Choose at least one.'
        : `Choose at least ${limit}.`;
    case 'max_items':
      return limit === undefined ? 'Choose fewer.' : `Choose at most ${limit}.`;
    case 'unexpected':
      return 'This field is not expected here.';
    case 'nothing_to_change':
      return 'Change at least one value.';
    case 'pattern':
      return 'This is not in the expected format.';
    case 'invalid':
      return 'This value is not valid.';
  }
}

/** The top message of a form whose fields were refused. */
export const FIELDS_INVALID = 'Please correct the fields marked below.';

/**
 * Wording that gives a schema engine away (Ajv's "must …", "pattern", "NOT have", a JSON pointer):
 * what a browser test looks for on every screen, and what the web app never shows as is.
 */
export const SCHEMA_WORDING = /\bmust\b|\bpattern\b|\bNOT have\b|\/(body|querystring|params)\//;
