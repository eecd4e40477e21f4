import type { FastifyInstance } from 'fastify';
import type { Connection, Types } from 'mongoose';
import { AppError } from '../../lib/app-error.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { type Applicant, applicantModel, applicantPlace } from '../applicants/index.ts';

export interface SurveyLink {
  /** The secret; only its SHA-256 is stored. Goes into the email, nowhere else. */
  token: string;
  /** Its SHA-256, as stored: names the link (e.g. in the outbox's reference to its email). */
  tokenHash: string;
  url: string;
  expiresAt: Date;
}

export interface SurveyLinkSettings {
  publicUrl: string;
  ttlMs: number;
  /** Encrypts the token for `survey.tokenCiphertext` (reminders re-send the same link). */
  sealToken?: (applicantId: Types.ObjectId, token: string) => Promise<string>;
}

export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/survey/${token}`;
}

/**
 * Gives the applicant a new survey link (32 random bytes) and revokes any previous one: only the
 * new token's hash is kept. Progress already saved is kept. Refused once the survey is finished.
 * The link works at once; its email is still to be sent: a first link makes the survey `sending`
 * and `sentAt` stays empty until the mail server accepts the email (`recordLinkEmailed`).
 */
export async function createSurveyLink(
  connection: Connection,
  settings: SurveyLinkSettings,
  organizationId: Types.ObjectId,
  applicantId: Types.ObjectId,
  now: Date = new Date(),
): Promise<SurveyLink> {
  const Applicants = scoped(applicantModel(connection), organizationId);
  const applicant = await Applicants.findById(applicantId);
  if (!applicant) throw AppError.notFound('No such applicant');
  const { status } = applicant.survey;
  if (status === 'submitted' || status === 'declined') {
    throw AppError.conflict('This applicant has already answered the survey');
  }
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + settings.ttlMs);
  const firstLink = status === 'not_sent' || status === 'missing_email';
  await Applicants.updateOne(
    { _id: applicant._id },
    {
      $set: {
        'survey.tokenHash': hashToken(token),
        'survey.tokenCiphertext': settings.sealToken
          ? await settings.sealToken(applicant._id, token)
          : null,
        'survey.expiresAt': expiresAt,
        'survey.sentAt': null,
        'survey.invitedAt': applicant.survey.invitedAt ?? now,
        // A new link keeps the applicant's place; a first link starts the survey's life.
        'survey.status': firstLink ? 'sending' : status,
      },
    },
  );
  return {
    token,
    tokenHash: hashToken(token),
    url: surveyUrl(settings.publicUrl, token),
    expiresAt,
  };
}

/**
 * The email carrying the link `tokenHash` was accepted by the mail server: a first link's survey
 * becomes `sent`, and `sentAt` (from which reminders count) is set once. Nothing happens when the
 * applicant has a newer link since. Idempotent.
 */
export async function recordLinkEmailed(
  connection: Connection,
  organizationId: Types.ObjectId,
  applicantId: Types.ObjectId,
  tokenHash: string,
  sentAt: Date,
): Promise<void> {
  const Applicants = scoped(applicantModel(connection), organizationId);
  await Applicants.updateOne(
    { _id: applicantId, 'survey.tokenHash': tokenHash, 'survey.status': 'sending' },
    { $set: { 'survey.status': 'sent', 'survey.sentAt': sentAt } },
  );
  // A resent link of an open survey, or a survey opened before the server's answer reached us.
  await Applicants.updateOne(
    { _id: applicantId, 'survey.tokenHash': tokenHash, 'survey.sentAt': null },
    { $set: { 'survey.sentAt': sentAt } },
  );
}

/**
 * `createSurveyLink` with the app's settings (`PUBLIC_URL`, `SURVEY_LINK_TTL_DAYS`); the token is
 * also kept encrypted so reminders can carry the same link.
 */
export function issueSurveyLink(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  applicantId: Types.ObjectId,
  now: Date = new Date(),
): Promise<SurveyLink> {
  return createSurveyLink(
    app.mongo,
    {
      publicUrl: app.config.publicUrl,
      ttlMs: app.config.surveyLinkTtlMs,
      sealToken: (id, token) =>
        app.crypto.encrypt(organizationId, applicantPlace.surveyToken(id), token),
    },
    organizationId,
    applicantId,
    now,
  );
}

/** The applicant's current link again (for a reminder), or null when it is not on file. */
export async function currentSurveyLink(
  app: FastifyInstance,
  applicant: Pick<Applicant, '_id' | 'organizationId' | 'survey'>,
): Promise<SurveyLink | null> {
  const { tokenCiphertext, tokenHash, expiresAt } = applicant.survey;
  if (!tokenCiphertext || !tokenHash || !expiresAt) return null;
  const token = await app.crypto.decrypt(
    applicant.organizationId,
    applicantPlace.surveyToken(applicant._id),
    tokenCiphertext,
  );
  return { token, tokenHash, url: surveyUrl(app.config.publicUrl, token), expiresAt };
}
