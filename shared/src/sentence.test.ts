import { expect, test } from 'vitest';
import { endSentence } from './sentence.ts';

test.each([
  ['Acme', 'Acme.'],
  ['Acme Inc.', 'Acme Inc.'],
  ['Yahoo!', 'Yahoo!'],
  ['for the Line Cook position', 'for the Line Cook position.'],
])('%j → %j', (text, sentence) => {
  expect(endSentence(text)).toBe(sentence);
});
