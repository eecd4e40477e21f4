import { ref } from 'vue';
import { ApiError } from '../api/client.ts';

/**
 * Runs a form submission: tracks `pending`, keeps the error message to show, and maps the API's
 * field details (`/body/email`) to field names (`email`) so inputs can show their own error.
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
        error.value = e.message;
        for (const detail of e.details) {
          const field = detail.path.replace(/^\/(body|query|params)\/?/, '').split('/')[0];
          if (field) fieldErrors.value[field] = detail.message;
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
