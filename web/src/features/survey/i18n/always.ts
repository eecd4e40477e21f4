import type { SurveyLanguage } from '@eligo/shared/schemas/survey';

/**
 * The few words shown before the survey knows its language, so in both at once: everything else
 * is in en.ts and es.ts (Spanish is fetched only when needed). Not imported by the dictionaries,
 * so the bundler keeps it with the survey, not with es.ts.
 */
export const LOADING_TEXT: Record<SurveyLanguage, string> = {
  en: 'Loading your survey…',
  es: 'Cargando su encuesta…',
};

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<SurveyLanguage, string> = {
  en: 'English',
  es: 'Español',
};
