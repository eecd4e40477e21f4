import { defineAsyncComponent, type AsyncComponentOptions, type Component } from 'vue';
import LaterStepStatus from './components/LaterStepStatus.vue';
import type * as LaterStepsModule from './components/later-steps.ts';

/**
 * Steps 2 and 3, with the two kinds of field only step 2 asks (several choices, a list of states),
 * come in a chunk of their own (components/later-steps.ts): on a slow phone, step 1 shows without
 * waiting for their 2.7 KB (issue 23 item 4). SurveyView asks for them as soon as step 1 is on
 * screen, so they are in long before the applicant continues. Should they still be on their way
 * (a survey resumed at step 2), the step says so; should their download fail, it offers to try
 * again (components/LaterStepStatus.vue).
 */
type LaterSteps = typeof LaterStepsModule;

let download: Promise<LaterSteps> | null = null;

/** The chunk, asked for once; after a failure, asked for again the next time. */
function loadLaterSteps(): Promise<LaterSteps> {
  download ??= import('./components/later-steps.ts').catch((error: unknown) => {
    download = null;
    throw error;
  });
  return download;
}

/** Starts the download without waiting for it. */
export function prefetchLaterSteps(): void {
  loadLaterSteps().catch(() => undefined);
}

const later = <T extends Component>(pick: (steps: LaterSteps) => T): AsyncComponentOptions<T> => ({
  loader: () => loadLaterSteps().then(pick),
  loadingComponent: LaterStepStatus,
  errorComponent: LaterStepStatus,
});

export const StepQuestions = defineAsyncComponent(later((steps) => steps.StepQuestions));
export const StepReview = defineAsyncComponent(later((steps) => steps.StepReview));
