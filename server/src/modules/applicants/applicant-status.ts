import type { FilterQuery } from 'mongoose';
import type { SurveyStatus, WotcStatus } from '@eligo/shared/schemas/applicants';
import type { EligibilityStatus } from '@eligo/shared/wotc';
import { OPEN_SURVEY_STATUSES, type Applicant } from './applicant.model.ts';

/** The dashboard's survey status: the stored one, or "expired" once an open link has run out. */
export function surveyStatusOf(
  survey: Pick<Applicant['survey'], 'status' | 'expiresAt'>,
  now: Date,
): SurveyStatus {
  const open = (OPEN_SURVEY_STATUSES as readonly string[]).includes(survey.status);
  if (open && survey.expiresAt && survey.expiresAt.getTime() <= now.getTime()) return 'expired';
  return survey.status;
}

/** The stored fields a dashboard survey status stands for (served by the status indexes). */
export function surveyStatusFilter(status: SurveyStatus, now: Date): FilterQuery<Applicant> {
  if (status === 'expired') {
    return {
      'survey.status': { $in: [...OPEN_SURVEY_STATUSES] },
      'survey.expiresAt': { $lte: now },
    };
  }
  if ((OPEN_SURVEY_STATUSES as readonly string[]).includes(status)) {
    return { 'survey.status': status, 'survey.expiresAt': { $gt: now } };
  }
  return { 'survey.status': status };
}

/**
 * The engine's status as the dashboard's WOTC status. Declining the survey (`opted_out`) counts as
 * Not Qualified (there is nothing to claim); `incomplete` (unsigned) is still Pending.
 */
export function wotcStatusOfEligibility(status: EligibilityStatus): WotcStatus {
  switch (status) {
    case 'pre_qualified':
      return 'pre_qualified';
    case 'not_qualified':
    case 'opted_out':
      return 'not_qualified';
    case 'needs_review':
      return 'needs_review';
    case 'incomplete':
      return 'pending';
  }
}
