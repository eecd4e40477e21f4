import { isWellFormedAnswer } from './answer-checks.ts';
import { textProblem, TEXT_MESSAGES } from '../text.ts';
import { ANSWER_IDS, type AnswerId, type DraftAnswers } from './answers.ts';
import { countyIsInState, isCountyFips } from './counties.ts';
import { ageOn, compareIsoDates, isIsoDate, parseIsoDate, parseIsoMonth } from './dates.ts';
import {
  QUESTIONS,
  pruneHiddenAnswers,
  visibleQuestions,
  type QuestionKind,
} from './questionnaire.ts';

export interface ValidationError {
  /** JSON pointer into the answers object, e.g. `/dob`. */
  path: string;
  /** Stable key for the web app's translations. */
  code: string;
  /** Plain English, for logs and API clients. */
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: ValidationError[];
}

export interface ValidationOptions {
  /**
   * Whether a county FIPS code exists. The server passes the full county list (county-list.ts);
   * the browser, which never downloads it, checks only that the county is in the chosen state.
   */
  countyExists?: (fips: string) => boolean;
}

const INVALID: Record<QuestionKind, [code: string, message: string]> = {
  yes_no: ['invalid_option', 'must be "yes", "no" or "declined"'],
  enum: ['invalid_option', 'must be one of the listed options'],
  multi: ['invalid_option', 'must be a list of distinct options, or "declined"'],
  date: ['invalid_date', 'must be a real calendar date YYYY-MM-DD'],
  month: ['invalid_month', 'must be a month YYYY-MM'],
  text: ['invalid_text', 'must be non-blank text within the length limit'],
  ssn: ['invalid_ssn', 'must be a valid 9-digit SSN (dashes optional) or "declined"'],
  state: ['invalid_state', 'must be a two-letter USPS state code'],
  state_list: ['invalid_state_list', 'must be a list of distinct two-letter USPS state codes'],
  county: ['invalid_county', 'must be a 5-digit county FIPS code or "not_listed"'],
  zip: ['invalid_zip', 'must be a 5-digit ZIP code or ZIP+4'],
  phone: ['invalid_phone', 'must be a 10-digit US phone number'],
  email: ['invalid_email', 'must be an email address'],
};

const DATES_NOT_AFTER_AS_OF: readonly AnswerId[] = [
  'dob',
  'worked_here_last_date',
  'q_vet_discharge_date',
  'felony_conviction_date',
  'felony_release_date',
];

/**
 * Checks a submission (docs/wotc-rules.md §4: a missing date of birth under 40 blocks submit). Hidden
 * answers are ignored, exactly as `pruneHiddenAnswers` would drop them; unknown keys are errors.
 * `asOf` is the signing date: ages and "not in the future" are measured on it.
 */
export function validateSubmission(
  answers: unknown,
  asOf: string,
  options: ValidationOptions = {},
): ValidationResult {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${String(asOf)}`);
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      ok: false,
      errors: [{ path: '', code: 'invalid_type', message: 'must be an object' }],
    };
  }
  const errors: ValidationError[] = [];
  const known: ReadonlySet<string> = new Set(ANSWER_IDS);
  const raw = answers as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      errors.push({ path: `/${key}`, code: 'unknown_field', message: 'is not a question id' });
    }
  }

  const pruned = pruneHiddenAnswers(raw as DraftAnswers, asOf);
  const visible = new Set(visibleQuestions(pruned, asOf));
  const values = pruned as Record<string, unknown>;
  const wellFormed = new Set<AnswerId>();

  for (const def of QUESTIONS) {
    if (!visible.has(def.id)) continue;
    const value = values[def.id];
    if (value === undefined) {
      if (def.requirement !== 'optional') errors.push(missing(def.id));
      continue;
    }
    if (!isWellFormedAnswer(def, value)) {
      const [code, message] = INVALID[def.kind];
      const characters =
        def.kind === 'text' && typeof value === 'string'
          ? textProblem(value, { multiline: false, notBlank: false })
          : null;
      errors.push(
        characters
          ? { path: `/${def.id}`, code: 'invalid_characters', message: TEXT_MESSAGES[characters] }
          : { path: `/${def.id}`, code, message },
      );
    } else {
      wellFormed.add(def.id);
    }
  }

  for (const id of DATES_NOT_AFTER_AS_OF) {
    if (wellFormed.has(id) && compareIsoDates(values[id] as string, asOf) > 0) {
      errors.push({ path: `/${id}`, code: 'date_in_future', message: `must not be after ${asOf}` });
    }
  }
  if (wellFormed.has('q_ssi_last_month')) {
    const month = parseIsoMonth(values.q_ssi_last_month)!;
    const today = parseIsoDate(asOf)!;
    if (month.year * 12 + month.month > today.year * 12 + today.month) {
      errors.push({
        path: '/q_ssi_last_month',
        code: 'date_in_future',
        message: `must not be after ${asOf.slice(0, 7)}`,
      });
    }
  }
  if (wellFormed.has('county') && wellFormed.has('state') && isCountyFips(values.county)) {
    const state = values.state as string;
    const county = values.county;
    if (!countyIsInState(county, state) || options.countyExists?.(county) === false) {
      errors.push({
        path: '/county',
        code: 'county_not_in_state',
        message: `is not a county of ${state}`,
      });
    }
  }
  if (wellFormed.has('dob') && compareIsoDates(values.dob as string, asOf) <= 0) {
    const age = ageOn(values.dob as string, asOf)!;
    if (age >= 40) {
      errors.push({
        path: '/dob',
        code: 'dob_age_band_mismatch',
        message: `gives age ${age} on ${asOf}, but the age band says under 40`,
      });
    } else if (age > 120 || parseIsoDate(values.dob)!.year < 1900) {
      errors.push({
        path: '/dob',
        code: 'dob_implausible',
        message: 'is not a plausible birth date',
      });
    }
  }

  errors.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.code.localeCompare(b.code),
  );
  return { ok: errors.length === 0, errors };
}

function missing(id: AnswerId): ValidationError {
  if (id === 'dob') {
    return {
      path: '/dob',
      code: 'dob_required_under_40',
      message: 'is required when the applicant is under 40 (Form 8850)',
    };
  }
  return { path: `/${id}`, code: 'required', message: 'is required' };
}
