import { computed, ref, watchEffect } from 'vue';
import type { AnswerId } from '@eligo/shared/wotc';
import type { SurveyLanguage } from '@eligo/shared/schemas/survey';
import { en } from '../i18n/en.ts';
import { es } from '../i18n/es.ts';
import type { ErrorKey, Messages, QuestionText, UiKey } from '../i18n/types.ts';

const dictionaries: Record<SurveyLanguage, Messages> = { en, es };

/** The survey's language: one per page, shared by every survey component. */
const language = ref<SurveyLanguage>('en');

watchEffect(() => {
  if (typeof document !== 'undefined') document.documentElement.lang = language.value;
});

export type Params = Record<string, string | number>;

export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A tiny translation helper for the survey (English and Spanish), no library needed. */
export function useI18n() {
  const messages = computed(() => dictionaries[language.value]);

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

export type { ErrorKey, UiKey };
