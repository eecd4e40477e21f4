import { describe, expect, test } from 'vitest';
import { ANSWER_IDS, type AnswerId, type DraftAnswers } from './answers.ts';
import {
  QUESTIONS,
  SCREENING_QUESTION_IDS,
  isQuestionVisible,
  pruneHiddenAnswers,
  questionDef,
  visibleQuestions,
} from './questionnaire.ts';

const AS_OF = '2026-06-02';

describe('question metadata', () => {
  test('covers every answer id exactly once, in survey order', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual(ANSWER_IDS);
  });

  test('every yes/no question offers "declined"', () => {
    for (const q of QUESTIONS.filter((q) => q.kind === 'yes_no')) {
      expect(q.options, q.id).toEqual(['yes', 'no', 'declined']);
      expect(q.declinable, q.id).toBe(true);
    }
  });

  test.each([
    ['age_band', 1, 'enum', ['under_40', '40_plus']],
    ['dob', 1, 'date', undefined],
    ['ssn', 1, 'ssn', undefined],
    ['q_vet_unemp', 2, 'enum', ['none', '4w_to_6m', '6m_plus', 'declined']],
    ['q_snap', 2, 'enum', ['6_of_6', '3_of_5_lost', 'no', 'declined']],
    ['q_tanf_long', 2, 'multi', ['a', 'b', 'c', 'declined']],
    ['q_ltur_states', 2, 'state_list', undefined],
    ['q_ltur_city', 2, 'text', undefined],
  ] as const)('%s: step %i, %s', (id, step, kind, options) => {
    expect(questionDef(id)).toMatchObject({ step, kind });
    expect(questionDef(id).options).toEqual(options);
  });

  test('DCR and summer youth are derived, never asked; no question lives on step 3', () => {
    expect(QUESTIONS.filter((q) => q.step === 3)).toEqual([]);
    expect(QUESTIONS.filter((q) => /ez|rrc|dcr|summer|zone|rural/i.test(q.id))).toEqual([]);
  });

  test('opting out is judged on step 2 and the rehire question, not on identity fields', () => {
    expect(SCREENING_QUESTION_IDS).toContain('worked_here_before');
    expect(SCREENING_QUESTION_IDS).toContain('q_tanf_long');
    expect(SCREENING_QUESTION_IDS).not.toContain('ssn');
    expect(SCREENING_QUESTION_IDS).not.toContain('age_band');
  });
});

describe('isQuestionVisible', () => {
  test.each<[AnswerId, DraftAnswers, boolean]>([
    // Date of birth: only under 40 (Form 8850 asks it only then).
    ['dob', { age_band: 'under_40' }, true],
    ['dob', { age_band: '40_plus' }, false],
    ['dob', {}, false],
    ['worked_here_last_date', { worked_here_before: 'yes' }, true],
    ['worked_here_last_date', { worked_here_before: 'declined' }, false],
    // Veteran follow-ups only after "yes"; declining is not "yes".
    ['q_vet_snap', { q_veteran: 'yes' }, true],
    ['q_vet_snap', { q_veteran: 'no' }, false],
    ['q_vet_snap', { q_veteran: 'declined' }, false],
    ['q_vet_unemp', { q_veteran: 'yes' }, true],
    ['q_vet_disability', { q_veteran: 'yes' }, true],
    ['q_vet_discharged_1y', { q_veteran: 'yes', q_vet_disability: 'no' }, false],
    ['q_vet_discharged_1y', { q_veteran: 'yes', q_vet_disability: 'yes' }, true],
    ['q_vet_discharged_1y', { q_veteran: 'no', q_vet_disability: 'yes' }, false],
    [
      'q_vet_discharge_date',
      { q_veteran: 'yes', q_vet_disability: 'yes', q_vet_discharged_1y: 'yes' },
      true,
    ],
    ['q_vet_snap_recipient', { q_veteran: 'yes', q_vet_snap: 'yes' }, true],
    ['q_vet_snap_recipient', { q_veteran: 'no', q_vet_snap: 'yes' }, false],
    // SNAP (G): ages 18–39 on asOf, or under 40 with no date of birth yet.
    ['q_snap', { age_band: 'under_40', dob: '2008-06-02' }, true],
    ['q_snap', { age_band: 'under_40', dob: '2008-06-03' }, false],
    ['q_snap', { age_band: 'under_40', dob: '1986-06-03' }, true],
    ['q_snap', { age_band: 'under_40', dob: '1986-06-02' }, false],
    ['q_snap', { age_band: 'under_40' }, true],
    ['q_snap', { age_band: '40_plus' }, false],
    ['q_snap_recipient', { age_band: 'under_40', q_snap: '3_of_5_lost' }, true],
    ['q_snap_recipient', { age_band: 'under_40', q_snap: 'no' }, false],
    ['q_snap_recipient', { age_band: '40_plus', q_snap: '6_of_6' }, false],
    // TANF recipient details after either TANF question.
    ['q_tanf_recipient', { q_tanf_9of18: 'yes' }, true],
    ['q_tanf_recipient', { q_tanf_long: ['b'] }, true],
    ['q_tanf_recipient', { q_tanf_long: [], q_tanf_9of18: 'no' }, false],
    ['q_tanf_recipient', { q_tanf_long: 'declined' }, false],
    // Felony details only after "yes"; the state only for a state conviction.
    ['felony_conviction_date', { q_felony: 'yes' }, true],
    ['felony_release_date', { q_felony: 'declined' }, false],
    ['felony_state', { q_felony: 'yes', felony_jurisdiction: 'federal' }, false],
    ['felony_state', { q_felony: 'yes', felony_jurisdiction: 'both' }, true],
    ['felony_state', { q_felony: 'no', felony_jurisdiction: 'state' }, false],
    ['q_vr_source', { q_vr: 'yes' }, true],
    ['q_ssi_last_month', { q_ssi: 'yes' }, true],
    ['q_ltur_states', { q_ltur: 'yes' }, true],
    ['q_ltur_states', { q_ltur: 'no' }, false],
    // ETA 9061 box 21 asks the city where the unemployment claim was filed.
    ['q_ltur_city', { q_ltur: 'yes' }, true],
    ['q_ltur_city', { q_ltur: 'declined' }, false],
    ['q_cond_cert_agency', { q_cond_cert: 'yes' }, true],
    // Always-asked questions.
    ['q_felony', {}, true],
    ['ssn', {}, true],
  ])('%s with %j → %s', (id, answers, visible) => {
    expect(isQuestionVisible(id, answers, AS_OF)).toBe(visible);
  });

  test('visibleQuestions lists follow-ups only when they apply', () => {
    const base = visibleQuestions({ age_band: '40_plus', q_veteran: 'no' }, AS_OF);
    expect(base).not.toContain('q_vet_snap');
    expect(base).not.toContain('q_snap');
    expect(base).not.toContain('dob');
    const veteran = visibleQuestions({ age_band: '40_plus', q_veteran: 'yes' }, AS_OF);
    expect(veteran.filter((id) => !base.includes(id))).toEqual([
      'q_vet_snap',
      'q_vet_disability',
      'q_vet_unemp',
    ]);
  });
});

describe('pruneHiddenAnswers', () => {
  test('drops follow-ups of a changed answer, whole chains at once, and unknown keys', () => {
    const answers = {
      age_band: '40_plus',
      dob: '1990-01-01',
      q_veteran: 'no',
      q_vet_disability: 'yes',
      q_vet_discharged_1y: 'yes',
      q_vet_discharge_date: '2026-01-01',
      q_snap: '6_of_6',
      q_felony: 'yes',
      felony_conviction_date: '2026-01-01',
      favourite_colour: 'blue',
    } as DraftAnswers;
    expect(pruneHiddenAnswers(answers, AS_OF)).toEqual({
      age_band: '40_plus',
      q_veteran: 'no',
      q_felony: 'yes',
      felony_conviction_date: '2026-01-01',
    });
  });

  test('keeps the answer set unchanged when everything is visible', () => {
    const answers: DraftAnswers = { age_band: 'under_40', dob: '2000-01-01', q_snap: 'no' };
    expect(pruneHiddenAnswers(answers, AS_OF)).toEqual(answers);
  });
});
