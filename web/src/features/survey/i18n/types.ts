import type { AnswerId } from '@eligo/shared/wotc';

export interface QuestionText {
  label: string;
  hint?: string;
  /** Labels of the answer options, by stored value (`yes`, `6_of_6`, …). */
  options?: Record<string, string>;
}

export const ERROR_CODES = [
  'required',
  'invalid_option',
  'invalid_date',
  'invalid_month',
  'invalid_text',
  'invalid_characters',
  'invalid_ssn',
  'ssn_itin',
  'ssn_area',
  'ssn_group',
  'ssn_serial',
  'invalid_state',
  'invalid_state_list',
  'invalid_county',
  'county_not_in_state',
  'invalid_zip',
  'invalid_phone',
  'invalid_email',
  'invalid_type',
  'unknown_field',
  'date_in_future',
  'dob_required_under_40',
  'dob_age_band_mismatch',
  'dob_implausible',
  'signature_required',
  'signature_mismatch',
  'consent_required',
  'server',
] as const;
export type ErrorKey = (typeof ERROR_CODES)[number];

/** One language's wording. `{name}` placeholders are filled in by `t()`. */
export interface Messages {
  ui: Record<UiKey, string>;
  questions: Record<AnswerId, QuestionText>;
  errors: Record<ErrorKey, string>;
}

export type UiKey =
  | 'languageSwitch'
  | 'title'
  | 'greeting'
  | 'intro'
  | 'minutes'
  | 'voluntary'
  | 'whyWeAsk'
  | 'why1'
  | 'why2'
  | 'why3'
  | 'progress'
  | 'stepOf'
  | 'step1'
  | 'step2'
  | 'step3'
  | 'step1Lead'
  | 'step2Lead'
  | 'groupName'
  | 'groupAddress'
  | 'groupContact'
  | 'groupAge'
  | 'groupWork'
  | 'continue'
  | 'back'
  | 'saving'
  | 'submit'
  | 'submitting'
  | 'optional'
  | 'preferNot'
  | 'errorPrefix'
  | 'ssnShow'
  | 'ssnHide'
  | 'ssnShowLabel'
  | 'ssnSaved'
  | 'dateHint'
  | 'monthHint'
  | 'selectState'
  | 'selectCounty'
  | 'countyNotListed'
  | 'countyStateFirst'
  | 'countiesLoading'
  | 'countiesFailed'
  | 'selectOption'
  | 'addState'
  | 'removeState'
  | 'stateN'
  | 'none'
  | 'chooseAll'
  | 'errorSummary'
  | 'reviewLead'
  | 'change'
  | 'notAnswered'
  | 'ssnSavedHidden'
  | 'signTitle'
  | 'perjury'
  | 'signature'
  | 'signatureHint'
  | 'consent'
  | 'signedOn'
  | 'decline'
  | 'declineTitle'
  | 'declineText'
  | 'declineConfirm'
  | 'declineCancel'
  | 'declining'
  | 'loadFailed'
  | 'saveFailed'
  | 'submitFailed'
  | 'tryAgain'
  | 'rateLimited'
  | 'network'
  | 'busy'
  | 'unexpected'
  | 'doneTitle'
  | 'doneSubmitted'
  | 'doneDeclined'
  | 'doneClose'
  | 'invalidTitle'
  | 'invalidText';
