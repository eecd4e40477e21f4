import { surveyRefs } from '@eligo/shared/routes/survey-endpoints';
import type { Survey } from '@eligo/shared/schemas/survey';
import { call } from '../../api/client.ts';

/**
 * The survey's data, asked for by the page's entry script (main.ts) while the survey's code is
 * still downloading, instead of after it has arrived and run: on a slow phone that is one round
 * trip less before the first question shows (issue 23 item 4).
 */
let early: { token: string; survey: Promise<Survey> } | null = null;

export function startSurveyLoad(token: string): void {
  const survey = call(surveyRefs.get, { params: { token } });
  // Handled by whoever takes it (useSurvey's load); never an unhandled rejection meanwhile.
  survey.catch(() => undefined);
  early = { token, survey };
}

/** The early load for `token`, once: a later load ("Try again") asks the API afresh. */
export function takeEarlyLoad(token: string): Promise<Survey> | null {
  if (early?.token !== token) return null;
  const { survey } = early;
  early = null;
  return survey;
}
