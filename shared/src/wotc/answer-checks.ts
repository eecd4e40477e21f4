import { isCountyAnswer } from './counties.ts';
import { isIsoDate } from './dates.ts';
import type { QuestionDef } from './questionnaire.ts';
import { SSN_PATTERN } from './ssn.ts';
import { isUspsStateCode } from './states.ts';
import { textProblem } from '../text.ts';

/**
 * The shape each answer may have, as plain code. The TypeBox schemas of answers.ts are built from
 * the same constants and stay the server's contract (Ajv validates request bodies with them);
 * `validateSubmission` uses these checks instead, so the survey runs it in the browser without a
 * schema engine in its first download. answer-checks.test.ts proves both agree, question by
 * question.
 */

export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const ISO_MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
export const ZIP_PATTERN = '^\\d{5}(-\\d{4})?$';
/** US phone number: 10 digits, optional +1, the usual separators. */
export const PHONE_PATTERN = '^(\\+?1[ .-]?)?(\\(\\d{3}\\)|\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}$';
export const INITIAL_PATTERN = '^[A-Za-z]$';
export const EMAIL_MAX_LENGTH = 254;
export const STATE_LIST_MAX = 10;

/** Longest names (people, cities), in characters (Unicode code points). */
export const NAME_MAX = 100;
/** Longest address lines, agencies and places, in characters. */
export const LINE_MAX = 200;

/** Longest accepted free-text answer of each text question. */
export const TEXT_LIMITS = {
  first_name: NAME_MAX,
  last_name: NAME_MAX,
  street: LINE_MAX,
  city: NAME_MAX,
  q_cond_cert_agency: LINE_MAX,
  q_vet_snap_recipient: NAME_MAX,
  q_vet_snap_location: LINE_MAX,
  q_tanf_recipient: NAME_MAX,
  q_tanf_location: LINE_MAX,
  q_snap_recipient: NAME_MAX,
  q_snap_location: LINE_MAX,
  q_ltur_city: NAME_MAX,
} as const;

// The `email` format as TypeBox checks it (RFC 5322, dot-atom or quoted local part).
const EMAIL =
  /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[^"\\]|\\[\x20-\x7e])*")@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[(?:IPv6:[a-f0-9:]+|(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3})\])$/i;

const matches = (pattern: string) => {
  const regexp = new RegExp(pattern, 'u');
  return (value: unknown): value is string => typeof value === 'string' && regexp.test(value);
};
const isIsoDateText = matches(ISO_DATE_PATTERN);
const isZip = matches(ZIP_PATTERN);
const isPhone = matches(PHONE_PATTERN);
const isInitial = matches(INITIAL_PATTERN);
const isSsn = matches(SSN_PATTERN);
const isMonth = matches(ISO_MONTH_PATTERN);

const codePoints = (text: string) => [...text].length;

function isText(id: string, value: unknown): boolean {
  if (id === 'middle_initial') return isInitial(value);
  const max = TEXT_LIMITS[id as keyof typeof TEXT_LIMITS];
  if (typeof value !== 'string' || max === undefined) return false;
  const length = codePoints(value);
  return (
    length >= 1 &&
    length <= max &&
    textProblem(value, { multiline: false, notBlank: true }) === null
  );
}

const isDistinct = (values: unknown[]) => new Set(values).size === values.length;

function isChoiceList(value: unknown, options: readonly string[]): boolean {
  if (value === 'declined') return options.includes('declined');
  const choices = options.filter((option) => option !== 'declined');
  return (
    Array.isArray(value) &&
    value.length <= choices.length &&
    isDistinct(value) &&
    value.every((v) => typeof v === 'string' && choices.includes(v))
  );
}

function isStateList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= STATE_LIST_MAX &&
    isDistinct(value) &&
    value.every(isUspsStateCode)
  );
}

/** Whether `value` has the shape question `def` accepts (cross-field rules come after). */
export function isWellFormedAnswer(def: QuestionDef, value: unknown): boolean {
  switch (def.kind) {
    case 'yes_no':
    case 'enum':
      return typeof value === 'string' && (def.options ?? []).includes(value);
    case 'multi':
      return isChoiceList(value, def.options ?? []);
    case 'date':
      return isIsoDateText(value) && isIsoDate(value);
    case 'month':
      return isMonth(value);
    case 'text':
      return isText(def.id, value);
    case 'ssn':
      return value === 'declined' || isSsn(value);
    case 'state':
      return isUspsStateCode(value);
    case 'state_list':
      return isStateList(value);
    case 'county':
      return isCountyAnswer(value);
    case 'zip':
      return isZip(value);
    case 'phone':
      return isPhone(value);
    case 'email':
      return (
        typeof value === 'string' && codePoints(value) <= EMAIL_MAX_LENGTH && EMAIL.test(value)
      );
  }
}
