import { describe, expect, test } from 'vitest';
import { evaluateEligibility } from './eligibility.ts';
import { allNoAnswers } from './fixtures.ts';
import { QUESTIONS } from './questionnaire.ts';
import {
  isProtectedAnswer,
  personalReasons,
  splitProtectedAnswers,
  withoutPersonalReasons,
} from './protected-answers.ts';

describe('protected answers', () => {
  test.each([
    ['dob', true],
    ['age_band', true],
    ['street', true],
    ['zip', true],
    ['county', true],
    ['q_felony', true],
    ['felony_release_date', true],
    ['q_snap_recipient', true],
    ['q_vet_disability', true],
    ['q_vr', true],
    ['first_name', false],
    ['last_name', false],
    ['email', false],
    ['phone', false],
    ['ssn', false],
    ['worked_here_before', false],
  ])('%s → %s', (id, expected) => {
    expect(isProtectedAnswer(id)).toBe(expected);
  });

  test('every eligibility question of the questionnaire is protected', () => {
    const eligibility = QUESTIONS.filter((q) => /^(q_|felony_)/.test(q.id));
    expect(eligibility.length).toBeGreaterThan(20);
    expect(eligibility.every((q) => isProtectedAnswer(q.id))).toBe(true);
  });

  test('splits answers, keeping every one on exactly one side', () => {
    const { shown, protectedAnswers } = splitProtectedAnswers({
      first_name: 'Ada',
      dob: '1996-01-15',
      q_felony: 'no',
      ssn: '***-**-1234',
    });
    expect(shown).toEqual({ first_name: 'Ada', ssn: '***-**-1234' });
    expect(protectedAnswers).toEqual({ dob: '1996-01-15', q_felony: 'no' });
  });
});

describe('the result without personal reasons', () => {
  const result = evaluateEligibility({
    answers: allNoAnswers({
      age_band: 'under_40',
      dob: '1998-03-14',
      q_felony: 'yes',
      felony_conviction_date: '2026-01-20',
      felony_jurisdiction: 'state',
      felony_state: 'IL',
      q_snap: '6_of_6',
      q_snap_recipient: 'Quillon Marchbanks',
      q_snap_location: 'Zanzibarville, IL',
    }),
    asOf: '2026-06-02',
  });

  test('groups are named, and no reason quotes an answer; the reasons come with the view', () => {
    expect(result.matches.map((m) => m.code)).toEqual(['C', 'G']);
    const shown = withoutPersonalReasons(result);
    expect(shown.matches.map((m) => m.code)).toEqual(['C', 'G']);
    const text = JSON.stringify(shown);
    for (const secret of [
      '2026-01-20',
      '01/20/2026',
      'age 28',
      'SNAP for the last 6 months',
      'convicted',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(shown.maxPotentialCredit).toBe(result.maxPotentialCredit);
    expect(personalReasons(result)).toEqual([
      { code: 'C', reason: result.matches[0]!.reason },
      { code: 'G', reason: result.matches[1]!.reason },
      // The program-lapse caveat names no one: it stays on the page, not here.
    ]);
    expect(result.matches[0]!.reason).toContain('01/20/2026');
  });
});
