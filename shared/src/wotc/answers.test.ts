import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import {
  ANSWER_IDS,
  draftAnswersSchema,
  screeningDraftSchema,
  submittedAnswersSchema,
} from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import { isUspsStateCode } from './states.ts';

describe('submittedAnswersSchema', () => {
  test('a complete all-no submission is well-formed', () => {
    expect(Value.Check(submittedAnswersSchema, allNoAnswers())).toBe(true);
  });

  test.each([
    ['ssn', '123-45-6789', true],
    ['ssn', '123456789', true],
    ['ssn', 'declined', true],
    ['ssn', '666-45-6789', false],
    ['dob', '2004-02-29', true],
    ['dob', '2003-02-29', false],
    ['dob', '03/01/2003', false],
    ['zip', '62701', true],
    ['zip', '62701-1234', true],
    ['zip', '6270', false],
    ['zip', '62701-12', false],
    ['state', 'IL', true],
    ['state', 'il', false],
    ['state', 'XX', false],
    ['state', 'PR', true],
    ['county', '17167', true],
    ['county', 'not_listed', true],
    ['county', 'Sangamon', false],
    ['county', '1716', false],
    ['phone', '(217) 555-0100', true],
    ['phone', '+1 217 555 0100', true],
    ['phone', '555-0100', false],
    ['email', 'ada@example.com', true],
    ['email', 'ada at example', false],
    ['middle_initial', 'Q', true],
    ['middle_initial', 'QB', false],
    ['first_name', '   ', false],
    ['q_veteran', 'declined', true],
    ['q_veteran', 'maybe', false],
    ['q_veteran', 'No', false],
    ['q_vet_unemp', '4w_to_6m', true],
    ['q_vet_unemp', '6m_plus', true],
    ['q_vet_unemp', '3m', false],
    ['q_snap', '3_of_5_lost', true],
    ['q_snap', 'yes', false],
    ['q_tanf_long', [], true],
    ['q_tanf_long', ['c', 'a'], true],
    ['q_tanf_long', 'declined', true],
    ['q_tanf_long', ['a', 'a'], false],
    ['q_tanf_long', ['d'], false],
    ['q_tanf_long', 'none', false],
    ['age_band', 'under_40', true],
    ['age_band', 'declined', false],
    ['q_ssi_last_month', '2026-03', true],
    ['q_ssi_last_month', '2026-13', false],
    ['q_ltur_states', ['IL', 'IN'], true],
    ['q_ltur_states', [], false],
    ['q_ltur_states', ['IL', 'IL'], false],
    ['q_ltur_city', 'Peoria', true],
    ['q_ltur_city', ' ', false],
    ['q_ltur_city', 'x'.repeat(101), false],
    ['q_vr_source', 'ticket_to_work', true],
    ['felony_jurisdiction', 'both', true],
  ] as const)('%s = %j → %s', (id, value, ok) => {
    expect(Value.Check(submittedAnswersSchema, allNoAnswers({ [id]: value }))).toBe(ok);
  });

  test.each(['first_name', 'ssn', 'state', 'county', 'age_band', 'q_felony', 'q_tanf_long'])(
    '%s is required',
    (id) => {
      const answers: Record<string, unknown> = allNoAnswers();
      delete answers[id];
      expect(Value.Check(submittedAnswersSchema, answers)).toBe(false);
    },
  );

  test('unknown keys are rejected', () => {
    expect(Value.Check(submittedAnswersSchema, { ...allNoAnswers(), q_pet: 'yes' })).toBe(false);
  });
});

describe('draft schemas', () => {
  test('every field may be missing while drafting, but present ones must be well-formed', () => {
    expect(Value.Check(draftAnswersSchema, {})).toBe(true);
    expect(Value.Check(draftAnswersSchema, { q_veteran: 'yes' })).toBe(true);
    expect(Value.Check(draftAnswersSchema, { q_veteran: 'sure' })).toBe(false);
    expect(Value.Check(draftAnswersSchema, { nickname: 'x' })).toBe(false);
  });

  test('the step-2 draft holds only step-2 ids', () => {
    expect(Value.Check(screeningDraftSchema, { q_ssi: 'no' })).toBe(true);
    expect(Value.Check(screeningDraftSchema, { first_name: 'Ada' })).toBe(false);
  });

  test('ids follow the docs/wotc-rules.md §4 naming: follow-ups use the q_ prefix', () => {
    const step2 = ANSWER_IDS.slice(ANSWER_IDS.indexOf('q_cond_cert'));
    expect(step2.filter((id) => !id.startsWith('q_') && !id.startsWith('felony_'))).toEqual([]);
  });
});

test('isUspsStateCode', () => {
  expect(isUspsStateCode('WY')).toBe(true);
  expect(isUspsStateCode('ZZ')).toBe(false);
  expect(isUspsStateCode(1)).toBe(false);
});
