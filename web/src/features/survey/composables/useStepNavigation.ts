import { nextTick, watch, type Ref } from 'vue';
import type { SurveyStep } from '@eligo/shared/schemas/survey';
import { resumeStep, validateStep, type FieldError } from '../survey-form.ts';
import { useAutosave } from './useAutosave.ts';
import { useStepHistory } from './useStepHistory.ts';
import type { useSurvey } from './useSurvey.ts';

/**
 * Moving between the survey's steps: Continue (checked, then saved), Back, a review's Change
 * links, and the browser's own Back and Forward (each step is a history entry); focus goes to the
 * new step's heading, or to what went wrong. What is typed is saved as it is typed.
 */
export function useStepNavigation(context: {
  survey: ReturnType<typeof useSurvey>;
  asOf: Ref<string>;
  heading: Ref<HTMLElement | null>;
  actionError: Ref<HTMLElement | null>;
  busyKind: Ref<'saving' | 'submitting' | 'declining'>;
  errors: Ref<FieldError[]>;
  showErrors: (found: FieldError[]) => Promise<void>;
}) {
  const { survey: s, asOf, heading, actionError, busyKind, errors, showErrors } = context;
  const { phase, step, answers, ssnSaved, failure } = s;
  const stepHistory = useStepHistory(onBrowserStep);
  useAutosave(answers, () => step.value, s.saveQuietly);
  watch(phase, (now) => {
    if (now === 'ready') stepHistory.start(step.value);
  });

  async function focusHeading() {
    await nextTick();
    window.scrollTo(0, 0);
    heading.value?.focus();
  }

  /** Shows a failed action: field errors in the summary, anything else in the alert. */
  async function showFailure() {
    const f = failure.value;
    if (f?.kind === 'validation' && f.fields.length > 0) return showErrors(f.fields);
    await nextTick();
    actionError.value?.focus();
  }

  /** Shows a step; going on (not back) adds a history entry. */
  async function goTo(next: SurveyStep, { entry = true } = {}) {
    errors.value = [];
    step.value = next;
    if (entry) stepHistory.forward(next);
    await focusHeading();
  }

  /** The browser moved between the survey's entries: show that step, or the last reachable. */
  async function onBrowserStep(target: SurveyStep) {
    if (phase.value !== 'ready') return;
    const reachable = resumeStep(target, answers, asOf.value, ssnSaved.value);
    if (reachable !== target) stepHistory.replace(reachable);
    void s.saveQuietly(reachable);
    await goTo(reachable, { entry: false });
  }

  async function onContinue(submit: () => Promise<void>) {
    if (step.value === 3) return submit();
    const current = step.value;
    const found = validateStep(current, answers, asOf.value, ssnSaved.value);
    if (found.length > 0) return showErrors(found);
    busyKind.value = 'saving';
    if (await s.save(current === 1 ? 2 : 3)) await goTo(current === 1 ? 2 : 3);
    else await showFailure();
  }

  /** The survey's Back button: the browser's Back where a step lies behind in its history. */
  async function onBack() {
    const previous = step.value === 3 ? 2 : 1;
    if (stepHistory.back(previous)) return;
    busyKind.value = 'saving';
    const saved = await s.save(previous);
    await goTo(previous, { entry: false });
    if (!saved) await showFailure();
  }

  return { focusHeading, showFailure, goTo, onContinue, onBack };
}
