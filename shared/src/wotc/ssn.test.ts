import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import { ssnSchema } from './answers.ts';
import { isValidSsn, maskSsn, normalizeSsn, ssnProblem } from './ssn.ts';

describe('normalizeSsn', () => {
  test.each([
    ['123-45-6789', '123456789'],
    ['123456789', '123456789'],
    [' 123 45 6789 ', '123456789'],
    ['123-456789', null],
    ['12-345-6789', null],
    ['12345678', null],
    ['1234567890', null],
    ['abc-de-fghi', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSsn(input)).toBe(expected);
  });
});

// Validity rules and the schema pattern must agree, with and without dashes.
describe.each([
  ['123-45-6789', true],
  ['123456789', true],
  ['001-01-0001', true],
  ['899-99-9999', true],
  ['000-45-6789', false],
  ['666-45-6789', false],
  ['900-45-6789', false],
  ['999-45-6789', false],
  ['123-00-6789', false],
  ['123-45-0000', false],
  ['000456789', false],
  ['123006789', false],
  ['123450000', false],
  ['665-45-6789', true],
  ['667-45-6789', true],
])('%s', (ssn, valid) => {
  test(`isValidSsn → ${valid}`, () => expect(isValidSsn(ssn)).toBe(valid));
  test(`ssnSchema → ${valid}`, () => expect(Value.Check(ssnSchema, ssn)).toBe(valid));
});

test.each([
  ['912-34-5678', 'itin'],
  ['999999999', 'itin'],
  ['000-12-3456', 'area'],
  ['666-12-3456', 'area'],
  ['123-00-4567', 'group'],
  ['123-45-0000', 'serial'],
  ['12345', 'shape'],
  ['123-45-6789', null],
])('ssnProblem(%s) → %s (the reason the survey gives)', (ssn, problem) => {
  expect(ssnProblem(ssn)).toBe(problem);
});

test('ssnSchema accepts "declined" but not mixed dashes', () => {
  expect(Value.Check(ssnSchema, 'declined')).toBe(true);
  expect(Value.Check(ssnSchema, '123-456789')).toBe(false);
});

test('maskSsn keeps only the last four digits', () => {
  expect(maskSsn('123-45-6789')).toBe('***-**-6789');
  expect(maskSsn('nope')).toBeNull();
});
