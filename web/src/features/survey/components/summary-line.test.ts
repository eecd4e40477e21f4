import { describe, expect, test } from 'vitest';
import { summaryLine } from './summary-line.ts';

describe('summaryLine', () => {
  test.each([
    ['ZIP code', 'Enter a 5-digit ZIP code', 'ZIP code: Enter a 5-digit ZIP code'],
    ['Are you a veteran?', 'Choose an answer', 'Are you a veteran? Choose an answer'],
    ['Type your full name to sign', 'Type your full name to sign.', 'Type your full name to sign.'],
  ])('%s + %s → %s', (label, message, expected) => {
    expect(summaryLine({ id: 'x', label, message })).toBe(expected);
  });
});
