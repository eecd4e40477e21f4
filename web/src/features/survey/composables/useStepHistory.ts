import { onBeforeUnmount, onMounted } from 'vue';
import type { SurveyStep } from '@eligo/shared/schemas/survey';

/** Where the survey keeps its step in `history.state` (beside whatever else is there). */
const KEY = 'eligoSurvey';

interface StepEntry {
  step: SurveyStep;
  /** How many survey entries lie behind this one (0: the survey's first). */
  depth: number;
}

function entryOf(state: unknown): StepEntry | null {
  const entry = (state as Record<string, unknown> | null)?.[KEY] as StepEntry | undefined;
  return entry && [1, 2, 3].includes(entry.step) ? entry : null;
}

/**
 * Each step of the survey is an entry of the browser's history, at the same URL: a phone's Back
 * goes to the previous step rather than out of the survey, and Forward comes back. `onStep` runs
 * when the browser moves between the survey's entries. A reload keeps the entries (browsers keep
 * `history.state`), so Back still works after one.
 */
export function useStepHistory(onStep: (step: SurveyStep) => void | Promise<void>) {
  let depth = 0;

  function write(step: SurveyStep, push: boolean): void {
    const state = { ...(history.state as object | null), [KEY]: { step, depth } };
    if (push) history.pushState(state, '');
    else history.replaceState(state, '');
  }

  function onPopState(event: PopStateEvent): void {
    const entry = entryOf(event.state);
    if (!entry) return;
    depth = entry.depth;
    void onStep(entry.step);
  }
  onMounted(() => window.addEventListener('popstate', onPopState));
  onBeforeUnmount(() => window.removeEventListener('popstate', onPopState));

  return {
    /** The survey shows `step` (first load, or a reload): this entry says so. */
    start(step: SurveyStep): void {
      depth = entryOf(history.state)?.depth ?? 0;
      write(step, false);
    },
    /** A step shown by going on (Continue, a review's Change link): a new entry. */
    forward(step: SurveyStep): void {
      depth += 1;
      write(step, true);
    },
    /** The step now shown is another than the entry said (it could not be reached). */
    replace(step: SurveyStep): void {
      write(step, false);
    },
    /**
     * The survey's own Back button: the browser's Back when a survey entry lies behind (then
     * `onStep` runs), else this entry becomes `step`. True when the browser is going back.
     */
    back(step: SurveyStep): boolean {
      if (depth > 0) {
        history.back();
        return true;
      }
      write(step, false);
      return false;
    },
  };
}
