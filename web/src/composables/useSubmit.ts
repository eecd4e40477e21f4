import { ref } from 'vue';
import type { ErrorDetail } from '@eligo/shared/errors';
import {
  SCHEMA_WORDING,
  VALIDATION_RULES,
  validationSentence,
  type ValidationRule,
} from '@eligo/shared/validation-text';
import { ApiError } from '../api/client.ts';

/**
 * A detail's message as people read it: the server words every rule (`validationSentence`), and
 * whatever still sounds like a schema engine is replaced by the sentence of its rule.
 */
export function detailText(detail: ErrorDetail): string {
  if (!SCHEMA_WORDING.test(detail.message)) return detail.message;
  const rule = (VALIDATION_RULES as readonly string[]).includes(detail.rule ?? '')
    ? (detail.rule as ValidationRule)
    : 'invalid';
  return validationSentence(rule, detail.limit);
}

/**
 * Runs a form submission: tracks `pending`, keeps the error message to show, and maps the API's
 * field details (`/body/email`) to field names (`email`) so inputs can show their own error (the
 * first one each, in words for people).
 */
export function useSubmit() {
  const pending = ref(false);
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    pending.value = true;
    error.value = null;
    fieldErrors.value = {};
    try {
      return await action();
    } catch (e) {
      if (e instanceof ApiError) {
        error.value = SCHEMA_WORDING.test(e.message) ? validationSentence('invalid') : e.message;
        for (const detail of e.details) {
          const field = detail.path
            .replace(/^\/(body|querystring|query|params)\/?/, '')
            .split('/')[0];
          if (field && !fieldErrors.value[field]) fieldErrors.value[field] = detailText(detail);
        }
      } else {
        error.value = e instanceof Error ? e.message : String(e);
      }
      return undefined;
    } finally {
      pending.value = false;
    }
  }

  return { pending, error, fieldErrors, run };
}
