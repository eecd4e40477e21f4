import type { Component, InjectionKey } from 'vue';
import type { QuestionKind } from '@eligo/shared/wotc';

/**
 * Field components a step adds to those QuestionField knows itself (the kinds step 1 asks):
 * StepQuestions provides the two only step 2 asks (several choices, a list of states), so they
 * download with step 2, after step 1 is on screen (../../later-steps.ts).
 */
export type FieldKinds = Partial<Record<QuestionKind, Component>>;

export const MORE_FIELD_KINDS: InjectionKey<FieldKinds> = Symbol('more field kinds');
