import { describe, expect, test } from 'vitest';
import { QUESTIONS } from '@eligo/shared/wotc';
import { en } from './en.ts';
import { es } from './es.ts';
import { ERROR_CODES } from './types.ts';
import { interpolate } from '../composables/useI18n.ts';

describe.each([
  ['en', en],
  ['es', es],
])('the %s wording', (_language, messages) => {
  test('every question has a label and every answer option a label', () => {
    for (const def of QUESTIONS) {
      const text = messages.questions[def.id];
      expect(text.label.trim(), def.id).not.toBe('');
      for (const option of def.options ?? []) {
        expect(text.options?.[option], `${def.id} option ${option}`).toBeTruthy();
      }
    }
  });

  test('every validation code has a message, and no string is left empty', () => {
    for (const code of ERROR_CODES) expect(messages.errors[code], code).toBeTruthy();
    for (const [key, value] of Object.entries(messages.ui)) expect(value.trim(), key).not.toBe('');
  });

  test('what a failed action says is whole sentences (it is followed by "Nothing … is lost.")', () => {
    for (const key of ['rateLimited', 'network', 'busy', 'unexpected'] as const) {
      expect(messages.ui[key], key).toMatch(/[.!]$/);
    }
  });

  test('placeholders match the English ones', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en.ui) as Array<keyof typeof en.ui>) {
      expect(placeholders(messages.ui[key]), key).toEqual(placeholders(en.ui[key]));
    }
  });
});

test('Spanish is really Spanish, not a copy of the English text', () => {
  const same = (Object.keys(en.ui) as Array<keyof typeof en.ui>).filter(
    (key) => en.ui[key] === es.ui[key] && !['errorPrefix'].includes(key),
  );
  expect(same).toEqual([]);
});

test('interpolate fills named placeholders and leaves unknown ones', () => {
  expect(interpolate('Hi {name}, {org}', { name: 'Ada' })).toBe('Hi Ada, {org}');
});

test('an organization name ending in a period is not followed by another', () => {
  expect(interpolate(en.ui.doneSubmitted, { org: 'Acme Inc.' })).toBe(
    'Your answers were sent to Acme Inc. There is nothing else you need to do.',
  );
  expect(interpolate(en.ui.doneSubmitted, { org: 'Acme' })).toContain('sent to Acme. There');
});
