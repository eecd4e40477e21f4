import { computed, ref, shallowReactive, watchEffect } from 'vue';
import type { AnswerId } from '@eligo/shared/wotc';
import type { SurveyLanguage } from '@eligo/shared/schemas/survey';
import { endSentence } from '@eligo/shared/sentence';
import { en } from '../i18n/en.ts';
import type { Messages, QuestionText, UiKey } from '../i18n/types.ts';

/**
 * English is the default and the fallback, so it comes with the survey; Spanish is fetched only
 * when an applicant needs it (the survey's first download on a phone stays small).
 */
const dictionaries = shallowReactive<Partial<Record<SurveyLanguage, Messages>>>({ en });
const loaders: Record<SurveyLanguage, () => Promise<Messages>> = {
  en: async () => en,
  es: () => import('../i18n/es.ts').then((module) => module.es),
};

/** The survey's language: one per page, shared by every survey component. */
const language = ref<SurveyLanguage>('en');

watchEffect(() => {
  if (typeof document !== 'undefined') document.documentElement.lang = language.value;
});

/** Fetches a language's wording once; `false` when it could not be had (English still works). */
export async function loadLanguage(lang: SurveyLanguage): Promise<boolean> {
  if (dictionaries[lang]) return true;
  try {
    dictionaries[lang] = await loaders[lang]();
    return true;
  } catch {
    return false;
  }
}

/** The wording of a language that is already here. */
export function dictionary(lang: SurveyLanguage): Messages | undefined {
  return dictionaries[lang];
}

export type Params = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. A value that ends its own sentence ("Acme Inc.") takes the place
 * of the period after the placeholder, so it is not doubled.
 */
export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, period: string) => {
    if (params[name] === undefined) return whole;
    const value = String(params[name]);
    return period ? endSentence(value) : value;
  });
}

/** A tiny translation helper for the survey (English and Spanish), no library needed. */
export function useI18n() {
  const messages = computed(() => dictionaries[language.value] ?? en);

  function t(key: UiKey, params?: Params): string {
    return interpolate(messages.value.ui[key], params);
  }

  function question(id: AnswerId): QuestionText {
    return messages.value.questions[id];
  }

  function option(id: AnswerId, value: string): string {
    return messages.value.questions[id].options?.[value] ?? value;
  }

  function errorText(code: string, params?: Params): string {
    const known = messages.value.errors as Record<string, string>;
    return interpolate(known[code] ?? messages.value.errors.server, params);
  }

  /** `2026-11-26` → "November 26, 2026" / "26 de noviembre de 2026". */
  function longDate(isoDate: string): string {
    return new Intl.DateTimeFormat(language.value === 'es' ? 'es-US' : 'en-US', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${isoDate}T00:00:00Z`));
  }

  return { language, messages, t, question, option, errorText, longDate };
}
