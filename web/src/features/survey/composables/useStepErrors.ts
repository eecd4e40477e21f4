import { computed, nextTick, ref, type Ref } from 'vue';
import { expectedSignatureName, type SurveyStep } from '@eligo/shared/schemas/survey';
import type { AnswerId, DraftAnswers } from '@eligo/shared/wotc';
import { errorCodeFor, stepOf, type Answers, type FieldError } from '../survey-form.ts';
import { useI18n } from './useI18n.ts';

/**
 * The answers a step must fix: each one's message in the applicant's language, the error summary
 * (focused when shown, so a screen reader reads it first) and its links, which go to the step
 * that has the field and put the cursor in it.
 */
export function useStepErrors(
  answers: Answers,
  step: Ref<SurveyStep>,
  organizationName: Ref<string>,
  summary: Ref<{ focus(): void } | null>,
) {
  const { t, question, errorText } = useI18n();
  const errors = ref<FieldError[]>([]);

  function labelOf(id: string): string {
    if (id === 'signature_full_name') return t('signature');
    if (id === 'signature_agreed') return t('consent');
    if (!stepOf(id)) return id;
    return question(id as AnswerId).label.replace('{org}', organizationName.value);
  }
  const messages = computed<Record<string, string>>(() => {
    const name = expectedSignatureName(answers as DraftAnswers);
    return Object.fromEntries(
      errors.value.map((e) => [e.id, errorText(errorCodeFor(e, answers), { name })]),
    );
  });
  const summaryItems = computed(() =>
    errors.value.map((e) => ({ id: e.id, label: labelOf(e.id), message: messages.value[e.id]! })),
  );

  async function show(found: FieldError[]) {
    errors.value = found;
    await nextTick();
    summary.value?.focus();
  }

  /** A summary link: go to the step that has the field, then put the cursor in it. */
  async function goToField(id: string) {
    const target = stepOf(id);
    if (target && target !== step.value) {
      const kept = errors.value;
      step.value = target;
      errors.value = kept.filter((e) => stepOf(e.id) === target);
    }
    await nextTick();
    const element = document.getElementById(`q-${id}`);
    const input = element?.matches('input, select, textarea')
      ? element
      : element?.querySelector<HTMLElement>('input:not([disabled]), select, textarea');
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
  }

  return { errors, messages, summaryItems, show, goToField };
}
