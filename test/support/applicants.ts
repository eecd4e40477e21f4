import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { issueSurveyLink } from '@eligo/server/modules/survey/survey-link.service';
import { apiClient } from './http.ts';
import { allNoAnswers, surveyPath } from './survey.ts';

/**
 * The applicant answers their survey through the public survey API (a fresh link stands in for the
 * one in their email). The signature is the name they typed in step 1.
 */
export async function answerSurvey(
  app: FastifyInstance,
  organizationId: string,
  applicantId: string,
  answers: SubmittedAnswers = allNoAnswers(),
): Promise<void> {
  const { token } = await issueSurveyLink(
    app,
    new Types.ObjectId(organizationId),
    new Types.ObjectId(applicantId),
  );
  const response = await apiClient(app).post(surveyPath(token, 'submit'), {
    answers,
    signature: { fullName: `${answers.first_name} ${answers.last_name}`, agreed: true },
  });
  if (response.statusCode !== 201) {
    throw new Error(`submit failed: ${response.statusCode} ${response.body}`);
  }
}

/** The applicant declines the survey. */
export async function declineSurvey(
  app: FastifyInstance,
  organizationId: string,
  applicantId: string,
): Promise<void> {
  const { token } = await issueSurveyLink(
    app,
    new Types.ObjectId(organizationId),
    new Types.ObjectId(applicantId),
  );
  const response = await apiClient(app).post(surveyPath(token, 'decline'));
  if (response.statusCode !== 200) {
    throw new Error(`decline failed: ${response.statusCode} ${response.body}`);
  }
}
