import {
  AGE_BAND_OPTIONS,
  ANSWER_IDS,
  FELONY_JURISDICTION_OPTIONS,
  SNAP_OPTIONS,
  TANF_LONG_OPTIONS,
  VET_UNEMP_OPTIONS,
  VR_SOURCE_OPTIONS,
  YES_NO_OPTIONS,
  type AnswerId,
  type DraftAnswers,
} from './answers.ts';
import { ageOn, isIsoDate } from './dates.ts';
import type { DolCode } from './groups.ts';

/**
 * Question metadata: enough to render the survey (the web app owns the English/Spanish wording,
 * keyed by `id`) and to decide which questions apply. Designated community resident (D) and summer
 * youth (F) are derived from age and address, never asked.
 */

export type QuestionKind =
  | 'yes_no'
  | 'enum'
  | 'multi'
  | 'date'
  | 'month'
  | 'text'
  | 'ssn'
  | 'state'
  | 'state_list'
  | 'county'
  | 'zip'
  | 'phone'
  | 'email';

/** `always`: required in every submission; `when_visible`: required while shown; `optional`. */
export type Requirement = 'always' | 'when_visible' | 'optional';

export interface QuestionDef {
  id: AnswerId;
  step: 1 | 2 | 3;
  kind: QuestionKind;
  /** Allowed values for yes_no/enum/multi; `declined` is listed when the question allows it. */
  options?: readonly string[];
  /** Accepts `"declined"` ("prefer not to answer"). */
  declinable: boolean;
  requirement: Requirement;
  /** The question this one follows up; it is hidden whenever the parent is. */
  parent?: AnswerId;
  /** Target groups the answer feeds (empty for identity/contact fields). */
  groups: readonly DolCode[];
}

interface VisibilityContext {
  answers: DraftAnswers;
  /** Age on `asOf` from a valid date of birth, else `null`. */
  age: number | null;
}

type Condition = (ctx: VisibilityContext) => boolean;

const B_GROUPS = ['B-a', 'B-b', 'B-c', 'B-d', 'B-e'] as const;

function q(
  id: AnswerId,
  step: 1 | 2,
  kind: QuestionKind,
  requirement: Requirement,
  extra: Partial<Omit<QuestionDef, 'id' | 'step' | 'kind' | 'requirement'>> = {},
): QuestionDef {
  const options = extra.options;
  return {
    id,
    step,
    kind,
    requirement,
    declinable: options?.includes('declined') ?? kind === 'ssn',
    groups: [],
    ...extra,
  };
}

/** Every answer id in survey order. Step 3 (review and sign) has no questions of its own. */
export const QUESTIONS: readonly QuestionDef[] = [
  q('first_name', 1, 'text', 'always'),
  q('middle_initial', 1, 'text', 'optional'),
  q('last_name', 1, 'text', 'always'),
  q('ssn', 1, 'ssn', 'always'),
  q('street', 1, 'text', 'always'),
  q('city', 1, 'text', 'always', { groups: ['D', 'F'] }),
  q('state', 1, 'state', 'always', { groups: ['D', 'F'] }),
  q('zip', 1, 'zip', 'always'),
  q('county', 1, 'county', 'always', { groups: ['D', 'F'] }),
  q('phone', 1, 'phone', 'optional'),
  q('email', 1, 'email', 'always'),
  q('age_band', 1, 'enum', 'always', { options: AGE_BAND_OPTIONS, groups: ['D', 'F', 'G'] }),
  q('dob', 1, 'date', 'when_visible', { parent: 'age_band', groups: ['D', 'F', 'G'] }),
  q('worked_here_before', 1, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: ['F'] }),
  q('worked_here_last_date', 1, 'date', 'when_visible', { parent: 'worked_here_before' }),

  q('q_cond_cert', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS }),
  q('q_cond_cert_agency', 2, 'text', 'optional', { parent: 'q_cond_cert' }),
  q('q_veteran', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: B_GROUPS }),
  q('q_vet_snap', 2, 'yes_no', 'when_visible', {
    options: YES_NO_OPTIONS,
    parent: 'q_veteran',
    groups: ['B-a'],
  }),
  q('q_vet_snap_recipient', 2, 'text', 'optional', { parent: 'q_vet_snap', groups: ['B-a'] }),
  q('q_vet_snap_location', 2, 'text', 'optional', { parent: 'q_vet_snap', groups: ['B-a'] }),
  q('q_vet_disability', 2, 'yes_no', 'when_visible', {
    options: YES_NO_OPTIONS,
    parent: 'q_veteran',
    groups: ['B-b', 'B-c'],
  }),
  q('q_vet_discharged_1y', 2, 'yes_no', 'when_visible', {
    options: YES_NO_OPTIONS,
    parent: 'q_vet_disability',
    groups: ['B-b'],
  }),
  q('q_vet_discharge_date', 2, 'date', 'optional', {
    parent: 'q_vet_discharged_1y',
    groups: ['B-b'],
  }),
  q('q_vet_unemp', 2, 'enum', 'when_visible', {
    options: VET_UNEMP_OPTIONS,
    parent: 'q_veteran',
    groups: ['B-c', 'B-d', 'B-e'],
  }),
  q('q_tanf_9of18', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: ['A'] }),
  q('q_tanf_long', 2, 'multi', 'always', {
    options: [...TANF_LONG_OPTIONS, 'declined'],
    groups: ['I'],
  }),
  q('q_tanf_recipient', 2, 'text', 'optional', { groups: ['A', 'I'] }),
  q('q_tanf_location', 2, 'text', 'optional', { groups: ['A', 'I'] }),
  q('q_snap', 2, 'enum', 'when_visible', { options: SNAP_OPTIONS, groups: ['G'] }),
  q('q_snap_recipient', 2, 'text', 'optional', { parent: 'q_snap', groups: ['G'] }),
  q('q_snap_location', 2, 'text', 'optional', { parent: 'q_snap', groups: ['G'] }),
  q('q_vr', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: ['E'] }),
  q('q_vr_source', 2, 'enum', 'when_visible', {
    options: VR_SOURCE_OPTIONS,
    parent: 'q_vr',
    groups: ['E'],
  }),
  q('q_felony', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: ['C'] }),
  q('felony_conviction_date', 2, 'date', 'when_visible', { parent: 'q_felony', groups: ['C'] }),
  q('felony_release_date', 2, 'date', 'optional', { parent: 'q_felony', groups: ['C'] }),
  q('felony_jurisdiction', 2, 'enum', 'when_visible', {
    options: FELONY_JURISDICTION_OPTIONS,
    parent: 'q_felony',
    groups: ['C'],
  }),
  q('felony_state', 2, 'state', 'when_visible', { parent: 'felony_jurisdiction', groups: ['C'] }),
  q('q_ssi', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: ['H'] }),
  q('q_ssi_last_month', 2, 'month', 'optional', { parent: 'q_ssi', groups: ['H'] }),
  q('q_ltur', 2, 'yes_no', 'always', { options: YES_NO_OPTIONS, groups: ['J'] }),
  q('q_ltur_states', 2, 'state_list', 'when_visible', { parent: 'q_ltur', groups: ['J'] }),
  q('q_ltur_city', 2, 'text', 'optional', { parent: 'q_ltur', groups: ['J'] }),
];

const BY_ID = new Map(QUESTIONS.map((def) => [def.id, def]));

export function questionDef(id: AnswerId): QuestionDef {
  const def = BY_ID.get(id);
  if (!def) throw new RangeError(`Unknown question id ${id}`);
  return def;
}

const isYes = (value: unknown) => value === 'yes';
const hasTanfLong = (value: unknown) => Array.isArray(value) && value.length > 0;

/** Extra condition of each conditional question (on top of its parent being visible). */
const CONDITIONS: Partial<Record<AnswerId, Condition>> = {
  dob: ({ answers }) => answers.age_band === 'under_40',
  worked_here_last_date: ({ answers }) => isYes(answers.worked_here_before),
  q_cond_cert_agency: ({ answers }) => isYes(answers.q_cond_cert),
  q_vet_snap: ({ answers }) => isYes(answers.q_veteran),
  q_vet_snap_recipient: ({ answers }) => isYes(answers.q_vet_snap),
  q_vet_snap_location: ({ answers }) => isYes(answers.q_vet_snap),
  q_vet_disability: ({ answers }) => isYes(answers.q_veteran),
  q_vet_discharged_1y: ({ answers }) => isYes(answers.q_vet_disability),
  q_vet_discharge_date: ({ answers }) => isYes(answers.q_vet_discharged_1y),
  q_vet_unemp: ({ answers }) => isYes(answers.q_veteran),
  q_tanf_recipient: ({ answers }) =>
    isYes(answers.q_tanf_9of18) || hasTanfLong(answers.q_tanf_long),
  q_tanf_location: ({ answers }) => isYes(answers.q_tanf_9of18) || hasTanfLong(answers.q_tanf_long),
  // SNAP (group G) is for ages 18–39 only; with an unknown birth date, ask anyone not 40+.
  q_snap: ({ answers, age }) =>
    answers.age_band !== '40_plus' && (age === null || (age >= 18 && age < 40)),
  q_snap_recipient: ({ answers }) =>
    answers.q_snap === '6_of_6' || answers.q_snap === '3_of_5_lost',
  q_snap_location: ({ answers }) => answers.q_snap === '6_of_6' || answers.q_snap === '3_of_5_lost',
  q_vr_source: ({ answers }) => isYes(answers.q_vr),
  felony_conviction_date: ({ answers }) => isYes(answers.q_felony),
  felony_release_date: ({ answers }) => isYes(answers.q_felony),
  felony_jurisdiction: ({ answers }) => isYes(answers.q_felony),
  felony_state: ({ answers }) =>
    answers.felony_jurisdiction === 'state' || answers.felony_jurisdiction === 'both',
  q_ssi_last_month: ({ answers }) => isYes(answers.q_ssi),
  q_ltur_states: ({ answers }) => isYes(answers.q_ltur),
  q_ltur_city: ({ answers }) => isYes(answers.q_ltur),
};

function contextFor(answers: DraftAnswers, asOf: string): VisibilityContext {
  const dob = answers.age_band === 'under_40' && isIsoDate(answers.dob) ? answers.dob : undefined;
  return { answers, age: dob && isIsoDate(asOf) ? ageOn(dob, asOf) : null };
}

function visibleIn(id: AnswerId, ctx: VisibilityContext): boolean {
  const def = BY_ID.get(id);
  if (!def) return false;
  if (def.parent && !visibleIn(def.parent, ctx)) return false;
  const condition = CONDITIONS[id];
  return condition ? condition(ctx) : true;
}

/** Whether question `id` applies, given the answers so far and the evaluation date. */
export function isQuestionVisible(id: AnswerId, answers: DraftAnswers, asOf: string): boolean {
  return visibleIn(id, contextFor(answers, asOf));
}

/** Ids of the questions that apply, in survey order. */
export function visibleQuestions(answers: DraftAnswers, asOf: string): AnswerId[] {
  const ctx = contextFor(answers, asOf);
  return ANSWER_IDS.filter((id) => visibleIn(id, ctx));
}

/**
 * Drops answers to questions that no longer apply (e.g. veteran follow-ups after `q_veteran`
 * changed to "no", `dob` of a 40+ applicant) and keys that are not answer ids. Parents are pruned
 * first, so a chain of follow-ups disappears together.
 */
export function pruneHiddenAnswers(answers: DraftAnswers, asOf: string): DraftAnswers {
  const source = answers as Record<string, unknown>;
  const known: Record<string, unknown> = {};
  for (const id of ANSWER_IDS) if (source[id] !== undefined) known[id] = source[id];
  const ctx = contextFor(known as DraftAnswers, asOf);
  const kept: Record<string, unknown> = {};
  for (const id of ANSWER_IDS) {
    if (known[id] !== undefined && visibleIn(id, ctx)) kept[id] = known[id];
  }
  return kept as DraftAnswers;
}

/** Step-2 questions (plus the rehire question) whose answers decide opted-out vs. answered. */
export const SCREENING_QUESTION_IDS: readonly AnswerId[] = QUESTIONS.filter(
  (def) => def.declinable && (def.step === 2 || def.id === 'worked_here_before'),
).map((def) => def.id);
