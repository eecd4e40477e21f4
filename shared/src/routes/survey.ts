import { defineRoute } from '../route-table.ts';
import { surveyEndpoints } from './survey-endpoints.ts';
import {
  saveSurveyAnswersBodySchema,
  submitSurveyBodySchema,
  surveyCompletionSchema,
  surveySchema,
  surveyTokenParamsSchema,
} from '../schemas/survey.ts';

export const surveyRoutes = {
  get: defineRoute({
    ...surveyEndpoints.get,
    summary: 'Open a survey: organization, greeting, language and the saved draft (never the SSN)',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    response: surveySchema,
  }),
  saveAnswers: defineRoute({
    ...surveyEndpoints.saveAnswers,
    summary:
      'Save progress: the answers so far (partial, each well-formed) and the step to resume at',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    body: saveSurveyAnswersBodySchema,
    response: undefined,
  }),
  submit: defineRoute({
    ...surveyEndpoints.submit,
    summary: 'Sign and submit the survey (once; the link stops working)',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    body: submitSurveyBodySchema,
    response: surveyCompletionSchema,
    successStatus: 201,
  }),
  decline: defineRoute({
    ...surveyEndpoints.decline,
    summary: 'Decline the whole survey (the link stops working)',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    response: surveyCompletionSchema,
  }),
};
