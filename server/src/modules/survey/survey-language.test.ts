import { describe, expect, test } from 'vitest';
import { browserSurveyLanguage, openingLanguage } from './survey-language.ts';

describe('browserSurveyLanguage', () => {
  test.each([
    ['es-US,es;q=0.9,en;q=0.8', 'es'],
    ['es-MX', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4', 'es'],
    ['fr-FR,de;q=0.9', null],
    ['es;q=0,en', 'en'],
    ['*', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, language) => {
    expect(browserSurveyLanguage(header)).toBe(language);
  });
});

describe('openingLanguage', () => {
  test("the applicant's switch wins; a Spanish email stays Spanish; a Spanish browser adds Spanish", () => {
    expect(openingLanguage({ language: 'en', languageChosen: true }, 'es-US')).toBe('en');
    expect(openingLanguage({ language: 'es', languageChosen: true }, 'en-US')).toBe('es');
    expect(openingLanguage({ language: 'en', languageChosen: false }, 'es-US')).toBe('es');
    expect(openingLanguage({ language: 'en' }, 'en-US,es;q=0.5')).toBe('en');
    expect(openingLanguage({ language: 'es' }, 'en-GB')).toBe('es');
    expect(openingLanguage({ language: 'en' }, 'fr-FR')).toBe('en');
  });
});
