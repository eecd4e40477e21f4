/**
 * What only steps 2 and 3 show, as one download of its own that the survey fetches once step 1 is
 * on screen (../later-steps.ts), so a phone does not wait for it before the first question. Step
 * 2's own kinds of field come with StepQuestions (fields/more-kinds.ts).
 */
export { default as StepQuestions } from './StepQuestions.vue';
export { default as StepReview } from './StepReview.vue';
