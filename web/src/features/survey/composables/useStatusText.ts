import { computed, watchEffect, type Ref } from 'vue';
import type { SurveyStep } from '@eligo/shared/schemas/survey';
import type { ActionFailure, SurveyPhase } from './useSurvey.ts';
import { useI18n } from './useI18n.ts';

/**
 * What the page says about where the applicant is, in their language: the tab's title ("Step 2
 * of 3: Questions · …"), and a failed action in words (loading, saving or submitting).
 */
export function useStatusText(
  state: { phase: Ref<SurveyPhase>; step: Ref<SurveyStep>; failure: Ref<ActionFailure | null> },
  /** What the last action was. */
  busyKind: Ref<'saving' | 'submitting' | 'declining'>,
) {
  const { t } = useI18n();
  const { phase, step, failure } = state;
  const stepTitle = computed(() =>
    t(step.value === 1 ? 'step1' : step.value === 2 ? 'step2' : 'step3'),
  );

  const failureText = computed(() => {
    const f = failure.value;
    if (!f || f.kind === 'validation') return '';
    const message = t(
      f.kind === 'rate_limited' ? 'rateLimited' : f.kind === 'network' ? 'network' : f.kind,
    );
    if (phase.value === 'failed') return t('loadFailed', { message });
    return t(busyKind.value === 'submitting' ? 'submitFailed' : 'saveFailed', { message });
  });

  watchEffect(() => {
    const base = t('title');
    document.title =
      phase.value === 'ready'
        ? `${t('stepOf', { n: step.value })}: ${stepTitle.value} · ${base}`
        : phase.value === 'done'
          ? `${t('doneTitle')} · ${base}`
          : phase.value === 'invalid'
            ? `${t('invalidTitle')} · ${base}`
            : base;
  });

  return { stepTitle, failureText };
}
