import { computed } from 'vue';
import type { QuestionDef } from '@eligo/shared/wotc';
import { useI18n, type Params } from './useI18n.ts';

/** What every question component receives (QuestionField passes its own props on). */
export interface FieldProps {
  def: QuestionDef;
  modelValue: unknown;
  /** Translated error message, when the answer needs fixing. */
  error?: string;
  labelParams?: Params;
  /** An SSN is on file (the field may stay empty). */
  ssnSaved?: boolean;
  /** The state of the home address: the county picker lists its counties. */
  homeState?: string;
}

/**
 * The parts every question shares whatever its kind: the input's id and `name` (the question id),
 * the translated label and hint, and the ids of the hint and error its input points to with
 * aria-describedby. `extraHint` adds a kind's own advice (a date format, "choose all").
 */
export function useField(
  props: FieldProps,
  emit: (event: 'update:modelValue', value: unknown) => void,
  extraHint?: () => string | undefined,
) {
  const { question } = useI18n();
  const id = computed(() => props.def.id);
  const domId = computed(() => `q-${props.def.id}`);
  const text = computed(() => question(props.def.id));
  const label = computed(() =>
    text.value.label.replace(/\{(\w+)\}/g, (w, k: string) => String(props.labelParams?.[k] ?? w)),
  );
  const optional = computed(() => props.def.requirement === 'optional');
  const hintId = computed(() => `${domId.value}-hint`);
  const errorId = computed(() => `${domId.value}-error`);
  const hint = computed(() => [text.value.hint, extraHint?.()].filter(Boolean).join(' '));
  const describedBy = computed(
    () =>
      [hint.value ? hintId.value : '', props.error ? errorId.value : '']
        .filter(Boolean)
        .join(' ') || undefined,
  );
  const optionLabel = (value: string) => text.value.options?.[value] ?? value;
  const set = (value: unknown) => emit('update:modelValue', value);
  /** Props of the FieldFrame around the control. */
  const frame = computed<FieldFrameProps>(() => ({
    domId: domId.value,
    label: label.value,
    optional: optional.value,
    hint: hint.value,
    hintId: hintId.value,
    error: props.error,
    errorId: errorId.value,
    describedBy: describedBy.value,
  }));
  /** Attributes of the control itself: its id and name, what describes it, whether it is wrong. */
  const control = computed(() => ({
    id: domId.value,
    name: id.value,
    'aria-describedby': describedBy.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
  }));
  return { id, domId, optionLabel, set, frame, control };
}

export interface FieldFrameProps {
  domId: string;
  label: string;
  optional: boolean;
  hint: string;
  hintId: string;
  error?: string;
  errorId: string;
  describedBy?: string;
}
