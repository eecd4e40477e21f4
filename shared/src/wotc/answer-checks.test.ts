import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Check } from 'typebox/value';
import { isWellFormedAnswer } from './answer-checks.ts';
import { submittedAnswersSchema } from './answers.ts';
import { QUESTIONS } from './questionnaire.ts';
import { USPS_STATE_CODES } from './states.ts';

/**
 * The plain checks the browser runs must accept exactly what the TypeBox schemas (the server's
 * contract) accept: for every question, on values near each edge and on random ones.
 */

const samples = [
  '',
  ' ',
  'x',
  'Ada',
  'Q',
  'QB',
  'é',
  '😀',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  '😀'.repeat(100),
  '😀'.repeat(101),
  // Text that is not text (text.ts): control characters, line breaks, lone surrogates.
  'Paula\u0000Probe',
  'Ada\tLovelace',
  'Ada\nLovelace',
  'Ada\r',
  '\u007f',
  'Ada\u0085',
  'Ada\u001b[31m',
  '\ud83d',
  'Ada\ude00',
  '\ude00\ud83d',
  'Ada 😀 Lovelace',
  'yes',
  'no',
  'declined',
  'Yes',
  'maybe',
  'under_40',
  '40_plus',
  '6_of_6',
  '4w_to_6m',
  'state_vr',
  'both',
  'a',
  'IL',
  'il',
  'XX',
  'PR',
  'AE',
  '17167',
  '1716',
  '171670',
  'not_listed',
  '62701',
  '62701-1234',
  '6270',
  '(217) 555-0100',
  '+1 217 555 0100',
  '555-0100',
  'ada@example.com',
  'ada at example',
  `${'a'.repeat(245)}@example.com`,
  '123-45-6789',
  '123456789',
  '000-12-3456',
  '123-45-678',
  '2026-02-28',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '2026-6-1',
  '2026-04',
  '2026-13',
  '04/2026',
  [],
  ['a'],
  ['c', 'a'],
  ['a', 'a'],
  ['a', 'b', 'c'],
  ['d'],
  ['IL'],
  ['IL', 'IN'],
  ['IL', 'IL'],
  [...USPS_STATE_CODES.slice(0, 10)],
  [...USPS_STATE_CODES.slice(0, 11)],
  [1],
  1,
  true,
  null,
  {},
];

const arbitrary = fc.oneof(
  fc.constantFrom(...samples),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  // Any UTF-16 code units: control characters and lone surrogates included.
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.stringMatching(/^\d{3}-?\d{2}-?\d{4}$/),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  fc.stringMatching(/^\d{4,6}$/),
  fc.emailAddress(),
  fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'IL', 'TX', 'ZZ'), { maxLength: 12 }),
  fc.integer(),
);

describe.each(QUESTIONS.map((def) => [def.id, def] as const))('%s', (id, def) => {
  const schema = submittedAnswersSchema.properties[id];

  test('the edge cases: plain check = schema', () => {
    for (const value of samples) {
      expect({ value, ok: isWellFormedAnswer(def, value) }).toEqual({
        value,
        ok: Check(schema, value),
      });
    }
  });

  test('random values: plain check = schema', () => {
    fc.assert(
      fc.property(arbitrary, (value) => isWellFormedAnswer(def, value) === Check(schema, value)),
      { numRuns: 300 },
    );
  });
});
