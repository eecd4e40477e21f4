import { onBeforeUnmount, onMounted, watch } from 'vue';
import type { SurveyStep } from '@eligo/shared/schemas/survey';
import type { Answers } from '../survey-form.ts';

/** Quiet for this long after the last change before saving (a few saves a minute at most). */
export const AUTOSAVE_AFTER_MS = 1500;

/**
 * Saves the answers as they are typed, once the applicant pauses, and at once when the page is
 * hidden (a phone switching apps, a tab closing): a reload or a lost tab keeps what was typed.
 * The server holds the draft (encrypted); nothing goes to the browser's storage.
 */
export function useAutosave(
  answers: Answers,
  step: () => SurveyStep,
  saveQuietly: (step: SurveyStep) => Promise<void>,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    void saveQuietly(step());
  }
  watch(
    answers,
    () => {
      clearTimeout(timer);
      timer = setTimeout(flush, AUTOSAVE_AFTER_MS);
    },
    { deep: true },
  );
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  onMounted(() => {
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', flush);
  });
}
