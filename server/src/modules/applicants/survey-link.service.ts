import type { FastifyInstance } from 'fastify';
import { Types, type Connection } from 'mongoose';
import { AppError } from '../../lib/app-error.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { applicantModel } from './applicant.model.ts';

export interface SurveyLink {
  /** The secret; only its SHA-256 is stored. Goes into the email, nowhere else. */
  token: string;
  url: string;
  expiresAt: Date;
}

export interface SurveyLinkSettings {
  publicUrl: string;
  ttlMs: number;
}

/**
 * Gives the applicant a new survey link (32 random bytes) and revokes any previous one: only the
 * new token's hash is kept. Progress already saved is kept. Refused once the survey is finished.
 */
export async function createSurveyLink(
  connection: Connection,
  settings: SurveyLinkSettings,
  organizationId: string | Types.ObjectId,
  applicantId: string | Types.ObjectId,
  now: Date = new Date(),
): Promise<SurveyLink> {
  const Applicants = scoped(applicantModel(connection), new Types.ObjectId(organizationId));
  const applicant = await Applicants.findById(applicantId);
  if (!applicant) throw AppError.notFound('No such applicant');
  const { status } = applicant.survey;
  if (status === 'submitted' || status === 'declined') {
    throw AppError.conflict('This applicant has already answered the survey');
  }
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + settings.ttlMs);
  await Applicants.updateOne(
    { _id: applicant._id },
    {
      $set: {
        'survey.tokenHash': hashToken(token),
        'survey.expiresAt': expiresAt,
        'survey.sentAt': now,
        // A reminder keeps the applicant's place; a first link starts the survey's life.
        'survey.status': status === 'not_sent' ? 'sent' : status,
      },
    },
  );
  return { token, url: `${settings.publicUrl}/survey/${token}`, expiresAt };
}

/** `createSurveyLink` with the app's settings (`PUBLIC_URL`, `SURVEY_LINK_TTL_DAYS`). */
export function issueSurveyLink(
  app: FastifyInstance,
  organizationId: string | Types.ObjectId,
  applicantId: string | Types.ObjectId,
): Promise<SurveyLink> {
  return createSurveyLink(
    app.mongo,
    { publicUrl: app.config.publicUrl, ttlMs: app.config.surveyLinkTtlMs },
    organizationId,
    applicantId,
  );
}
