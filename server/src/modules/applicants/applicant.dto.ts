import type { FastifyInstance } from 'fastify';
import type { ApplicantDetail, ApplicantRow } from '@eligo/shared/schemas/applicants';
import { maskSsn, type DraftAnswers } from '@eligo/shared/wotc';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { submissionPlace, surveySubmissionModel } from './survey-submission.model.ts';
import { applicantModel, applicantPlace, type Applicant } from './applicant.model.ts';
import { surveyStatusOf } from './applicant-status.ts';
import { readEligibility } from './eligibility.ts';
import { listEvents, toTimelineEventDto } from './timeline.ts';
import { applicantFiling, type FilingContext } from './hires/filing-dto.ts';
import { toHireDto } from './hires/filing-facts.ts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** A row of the dashboard table (`context`: the clock and the employer profile, read once). */
export function toApplicantRow(applicant: Applicant, context: FilingContext): ApplicantRow {
  const { now } = context;
  return {
    id: applicant._id.toHexString(),
    name: applicant.name,
    email: applicant.email || null,
    postingId: applicant.lever?.postingId ?? null,
    postingTitle: applicant.postingTitle,
    appliedAt: applicant.appliedAt.toISOString(),
    surveyStatus: surveyStatusOf(applicant.survey, now),
    wotcStatus: applicant.wotcStatus,
    tagSync: {
      state: applicant.tagSync?.state ?? 'none',
      tag: applicant.tagSync?.tag ?? null,
      syncedAt: iso(applicant.tagSync?.syncedAt),
      reason: applicant.tagSync?.reason ?? null,
      nextRetryAt: iso(applicant.tagSync?.nextRetryAt),
    },
    reused: applicant.reusedFrom !== null,
    confidential: applicant.confidential,
    anonymized: applicant.anonymized,
    filing: applicantFiling(applicant, context),
  };
}

/** The signed answers (of the earlier application when this one reused its survey), or null. */
async function readSignedAnswers(
  app: FastifyInstance,
  applicant: Applicant,
): Promise<DraftAnswers | null> {
  const id = applicant.reusedFrom ?? applicant._id;
  const submission = await scoped(
    surveySubmissionModel(app.mongo),
    applicant.organizationId,
  ).findById(id);
  if (!submission?.answers) return null;
  return app.crypto.decryptJson<DraftAnswers>(
    applicant.organizationId,
    submissionPlace.answers(id),
    submission.answers,
  );
}

/** The signed answers as the page shows them: every value a string (or list), the SSN masked. */
export async function readMaskedAnswers(
  app: FastifyInstance,
  applicant: Applicant,
): Promise<Record<string, string | string[]> | null> {
  const answers = await readSignedAnswers(app, applicant);
  if (!answers) return null;
  const shown: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined || value === null) continue;
    if (key === 'ssn')
      shown.ssn = value === 'declined' ? 'declined' : (maskSsn(String(value)) ?? '');
    else shown[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return shown;
}

/** The full SSN from the signed answers (for the audited reveal only), or null when none. */
export async function readFullSsn(
  app: FastifyInstance,
  applicant: Applicant,
): Promise<string | null> {
  const ssn = (await readSignedAnswers(app, applicant))?.ssn;
  return typeof ssn === 'string' && ssn !== 'declined' ? ssn : null;
}

/** The opportunity in Lever's web app, when `LEVER_WEB_URL` is configured. */
function leverUrl(app: FastifyInstance, applicant: Applicant): string | null {
  const webUrl = app.config.lever?.webUrl;
  const opportunityId = applicant.lever?.opportunityId;
  if (!webUrl || !opportunityId) return null;
  return `${webUrl.replace(/\/+$/, '')}/candidates/${encodeURIComponent(opportunityId)}`;
}

/** The applicant page: everything but the full SSN. */
export async function toApplicantDetail(
  app: FastifyInstance,
  applicant: Applicant,
  context: FilingContext,
): Promise<ApplicantDetail> {
  const eligibility = await readEligibility(app, applicant);
  const source = applicant.reusedFrom
    ? await scoped(applicantModel(app.mongo), applicant.organizationId).findById(
        applicant.reusedFrom,
      )
    : null;
  const last4 = applicant.ssnLast4
    ? await app.crypto.decrypt(
        applicant.organizationId,
        applicantPlace.ssnLast4(applicant._id),
        applicant.ssnLast4,
      )
    : null;
  const { survey } = applicant;
  return {
    ...toApplicantRow(applicant, context),
    firstName: applicant.firstName,
    lastName: applicant.lastName,
    language: applicant.language,
    state: applicant.state,
    lever: {
      opportunityId: applicant.lever?.opportunityId ?? null,
      applicationId: applicant.lever?.applicationId ?? null,
      contactId: applicant.lever?.contactId ?? null,
      url: leverUrl(app, applicant),
    },
    survey: {
      invitedAt: iso(survey.invitedAt),
      sentAt: iso(survey.sentAt),
      openedAt: iso(survey.openedAt),
      submittedAt: iso(survey.submittedAt),
      declinedAt: iso(survey.declinedAt),
      expiresAt: iso(survey.expiresAt),
    },
    reusedFrom: source
      ? {
          id: source._id.toHexString(),
          postingTitle: source.postingTitle,
          appliedAt: source.appliedAt.toISOString(),
        }
      : null,
    eligibility: eligibility
      ? { ...eligibility, evaluatedAt: eligibility.evaluatedAt.toISOString() }
      : null,
    override: applicant.override
      ? {
          status: applicant.override.status,
          reason: applicant.override.reason,
          by: applicant.override.userName,
          at: applicant.override.at.toISOString(),
        }
      : null,
    answers: await readMaskedAnswers(app, applicant),
    ssnMasked: last4 ? `***-**-${last4}` : null,
    targetGroups: eligibility?.matches.map((m) => m.code) ?? [],
    timeline: (await listEvents(app, applicant)).map(toTimelineEventDto),
    hire: applicant.hire ? toHireDto(applicant.hire) : null,
  };
}
