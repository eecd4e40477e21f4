import Value from 'typebox/value';
import { describe, expect, test } from 'vitest';
import {
  expectedSignatureName,
  saveSurveyAnswersBodySchema,
  signatureMatchesName,
  submitSurveyBodySchema,
  surveyTokenSchema,
} from './survey.ts';

describe('signatureMatchesName', () => {
  const answers = { first_name: 'José', middle_initial: 'q', last_name: 'Núñez-Ortiz' };

  test.each([
    ['José Núñez-Ortiz', true],
    ['jose nunez ortiz', true],
    ['  JOSÉ   Q.  Núñez-Ortiz ', true],
    ['José Q Núñez-Ortiz', true],
    ['José Ortiz', false],
    ['Núñez-Ortiz José', false],
    ['José', false],
    ['José X. Núñez-Ortiz', false],
    ['', false],
  ])('%j → %s', (typed, expected) => {
    expect(signatureMatchesName(typed, answers)).toBe(expected);
  });

  test('without a name in the answers nothing matches', () => {
    expect(signatureMatchesName('', {})).toBe(false);
    expect(signatureMatchesName('Ada', { first_name: 'Ada' })).toBe(false);
  });

  test('the expected name reads First M. Last', () => {
    expect(expectedSignatureName(answers)).toBe('José Q. Núñez-Ortiz');
    expect(expectedSignatureName({ first_name: 'Ada', last_name: 'Lovelace' })).toBe(
      'Ada Lovelace',
    );
  });
});

describe('survey request schemas', () => {
  test.each([
    ['a'.repeat(43), true],
    ['A-_z09'.padEnd(43, 'x'), true],
    ['a'.repeat(42), false],
    ['a'.repeat(44), false],
    ['a'.repeat(42) + '/', false],
  ])('token %s valid: %s', (token, ok) => {
    expect(Value.Check(surveyTokenSchema, token)).toBe(ok);
  });

  test('saving takes any well-formed subset of the answers, nothing else', () => {
    expect(Value.Check(saveSurveyAnswersBodySchema, { step: 1, answers: {} })).toBe(true);
    expect(
      Value.Check(saveSurveyAnswersBodySchema, {
        step: 2,
        answers: { zip: '62701', q_veteran: 'declined' },
        language: 'es',
      }),
    ).toBe(true);
    expect(Value.Check(saveSurveyAnswersBodySchema, { step: 4, answers: {} })).toBe(false);
    expect(Value.Check(saveSurveyAnswersBodySchema, { step: 1, answers: { zip: '1' } })).toBe(
      false,
    );
    expect(Value.Check(saveSurveyAnswersBodySchema, { step: 1, answers: { nope: 'x' } })).toBe(
      false,
    );
    expect(Value.Check(saveSurveyAnswersBodySchema, { step: 1, answers: {}, language: 'fr' })).toBe(
      false,
    );
  });

  test('a submission needs the consent box ticked', () => {
    const body = { answers: {}, signature: { fullName: 'Ada Lovelace', agreed: true } };
    expect(Value.Check(submitSurveyBodySchema, body)).toBe(true);
    expect(
      Value.Check(submitSurveyBodySchema, {
        ...body,
        signature: { ...body.signature, agreed: false },
      }),
    ).toBe(false);
  });
});
