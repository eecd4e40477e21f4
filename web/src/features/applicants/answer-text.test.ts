import { describe, expect, test } from 'vitest';
import { QUESTIONS, type AnswerId } from '@eligo/shared/wotc';
import { answerText } from './answer-text.ts';

const def = (id: AnswerId) => QUESTIONS.find((q) => q.id === id)!;
const home = {
  state: 'OH',
  countyName: (state: string, fips: string) =>
    state === 'OH' && fips === '39113' ? 'Montgomery County' : undefined,
};

describe('answers read back in words, not codes', () => {
  test.each([
    ['county', '39113', 'Montgomery County, OH'],
    ['county', 'not_listed', 'Not listed / not sure'],
    ['q_ssi_last_month', '2026-12', '12/2026'],
    ['dob', '1990-03-17', '03/17/1990'],
    ['state', 'OH', 'Ohio'],
    ['q_ltur_states', ['TX', 'NM'], 'Texas, New Mexico'],
    ['q_tanf_long', [], 'None of these'],
    ['q_ssi', 'yes', 'Yes'],
    ['q_ssi', 'declined', 'Prefer not to answer'],
    ['age_band', '40_plus', '40 or older'],
  ] as const)('%s %j → %s', (id, value, text) => {
    expect(answerText(def(id), value as string | string[], home)).toBe(text);
  });

  test('a county waits for its state’s list instead of showing its code', () => {
    expect(answerText(def('county'), '17167', home)).toBe('…');
  });
});
