import { getCurrentScope, onScopeDispose, reactive, ref } from 'vue';
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
 *
 *
 * A refusal for too many attempts (429 with `Retry-After`, e.g. the mail limits) makes `blocked()`
 * true until then, so the button can be disabled meanwhile. When the refusal names one value of
 * the request in its details (this address), only that value's `scope` — given to `run` and to
 * `blocked` — is blocked; otherwise the whole action is.
 */
export function useSubmit() {
  const pending = ref(false);
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});
  /** Scope ('' = the whole action) → until when it is refused (epoch ms). */
  const refusedUntil = reactive(new Map<string, number>());
  const timers = new Set<ReturnType<typeof setTimeout>>();
  if (getCurrentScope()) onScopeDispose(() => timers.forEach(clearTimeout));

  function refuse(scope: string, seconds: number) {
    const until = Date.now() + seconds * 1000;
    refusedUntil.set(scope, until);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (refusedUntil.get(scope) === until) refusedUntil.delete(scope);
    }, seconds * 1000);
    timers.add(timer);
  }

  /** Whether the action (for `scope`) was refused as too frequent and may not be tried yet. */
  const blocked = (scope?: string) =>
    refusedUntil.has('') || (scope !== undefined && refusedUntil.has(scope));

  async function run<T>(action: () => Promise<T>, scope?: string): Promise<T | undefined> {
    pending.value = true;
    error.value = null;
    fieldErrors.value = {};
    try {
      return await action();
    } catch (e) {
      if (e instanceof ApiError) {
        error.value = SCHEMA_WORDING.test(e.message) ? validationSentence('invalid') : e.message;
        if (e.status === 429 && e.retryAfterSeconds) {
          const oneValue = e.details.length > 0 && scope !== undefined;
          refuse(oneValue ? scope : '', e.retryAfterSeconds);
          return undefined;
        }
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

  return { pending, error, fieldErrors, blocked, run };
}
