import type { FastifyInstance } from 'fastify';
import { ErrorCode, type ErrorDetail } from '@eligo/shared/errors';
import {
  SURVEY_TOKEN_PATTERN,
  signatureMatchesName,
  type SaveSurveyAnswersBody,
  type SubmitSurveyBody,
  type Survey,
  type SurveyCompletion,
} from '@eligo/shared/schemas/survey';
import {
  RULES_VERSION,
  evaluateEligibility,
  isUspsStateCode,
  normalizeSsn,
  pruneHiddenAnswers,
  withListedCounty,
  type DraftAnswers,
  type SubmittedAnswers,
} from '@eligo/shared/wotc';
import { AppError } from '../../lib/app-error.ts';
import { insertOnce } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken } from '../../lib/tokens.ts';
import {
  type ApplicantDocument,
  applicantModel,
  applicantPlace,
  recordEvent,
  submissionPlace,
  type SurveySubmission,
  surveySubmissionModel,
  toStoredEligibility,
} from '../applicants/index.ts';
import { recordSurveyOutcome } from './survey-results.ts';
import { applicantSignatureRecord } from './signature-evidence.ts';
import { checkAnswers, draftErrors, isSsnValue } from './survey-answer-checks.ts';
import { organizationModel } from '../organizations/index.ts';

/** The one answer for unknown, malformed, expired, revoked and used links (no enumeration). */
export function surveyLinkInvalid(): AppError {
  return new AppError(ErrorCode.SurveyLinkInvalid, 'This survey link is no longer valid');
}

const TOKEN_SHAPE = new RegExp(SURVEY_TOKEN_PATTERN);

/** The signing date and the day ages are measured on: today in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/**
 * The public survey behind a link token. The token is the only credential: it is looked up by its
 * hash across organizations (`skipTenant`), and everything after that is scoped to the applicant's
 * organization.
 */
export function surveyService(app: FastifyInstance) {
  const Applicants = applicantModel(app.mongo);
  const Submissions = surveySubmissionModel(app.mongo);
  const Organizations = organizationModel(app.mongo);

  /** The applicant whose link this is, if the link still works; otherwise the one 404. */
  async function findOpen(token: string, now: Date): Promise<ApplicantDocument> {
    if (!TOKEN_SHAPE.test(token)) throw surveyLinkInvalid();
    const applicant = await Applicants.findOne({ 'survey.tokenHash': hashToken(token) }).setOptions(
      {
        skipTenant: true,
      },
    );
    if (!applicant) throw surveyLinkInvalid();
    const { status, expiresAt } = applicant.survey;
    if (status === 'submitted' || status === 'declined' || status === 'not_sent') {
      throw surveyLinkInvalid();
    }
    if (!expiresAt || expiresAt.getTime() <= now.getTime()) throw surveyLinkInvalid();
    // The submission row, not the status, is the truth about "used" (status writes can race).
    const used = await scoped(Submissions, applicant.organizationId).exists({ _id: applicant._id });
    if (used) throw surveyLinkInvalid();
    return applicant;
  }

  /** The saved draft; a county typed as free text before the county picker reads `not_listed`. */
  async function readDraft(applicant: ApplicantDocument): Promise<DraftAnswers> {
    if (!applicant.draft) return {};
    const { answers } = await app.crypto.decryptJson<{ answers: DraftAnswers }>(
      applicant.organizationId,
      applicantPlace.draft(applicant._id),
      applicant.draft.ciphertext,
    );
    return withListedCounty(answers);
  }

  /** Without an SSN in the answers, the saved one (the client never gets it back) is used. */
  function withSavedSsn(answers: DraftAnswers, saved: DraftAnswers): DraftAnswers {
    return answers.ssn === undefined && isSsnValue(saved.ssn)
      ? { ...answers, ssn: saved.ssn }
      : answers;
  }

  /** Records the final answer; a second one (any outcome, any link) fails on the unique `_id`. */
  async function claim(
    applicant: ApplicantDocument,
    row: Omit<SurveySubmission, '_id' | 'organizationId' | 'createdAt'>,
  ): Promise<void> {
    const submission = { ...row, _id: applicant._id };
    const inserted = await insertOnce(() =>
      scoped(Submissions, applicant.organizationId).create(submission),
    );
    if (!inserted.won) throw surveyLinkInvalid();
  }

  return {
    findOpen,

    async open(applicant: ApplicantDocument): Promise<Survey> {
      const now = new Date();
      const organization = await Organizations.findById(applicant.organizationId);
      if (!organization) throw surveyLinkInvalid();
      if (applicant.survey.status === 'sent') {
        await scoped(Applicants, applicant.organizationId).updateOne(
          { _id: applicant._id, 'survey.status': 'sent' },
          { $set: { 'survey.status': 'opened', 'survey.openedAt': now } },
        );
        await recordEvent(app, applicant, 'survey_opened', {
          actor: { kind: 'applicant' },
          at: now,
          once: 'opened',
        });
      }
      const { ssn, ...answers } = await readDraft(applicant);
      return {
        organizationName: organization.name,
        applicant: {
          firstName: applicant.firstName,
          lastName: applicant.lastName,
          email: applicant.email,
          state: isUspsStateCode(applicant.state) ? applicant.state : null,
        },
        language: applicant.language,
        asOf: isoDay(now),
        draft: applicant.draft
          ? {
              step: applicant.draft.step,
              answers: ssn === 'declined' ? { ...answers, ssn } : answers,
              ssnSaved: isSsnValue(ssn),
              updatedAt: applicant.draft.updatedAt.toISOString(),
            }
          : null,
      };
    },

    async save(applicant: ApplicantDocument, body: SaveSurveyAnswersBody): Promise<void> {
      const now = new Date();
      const asOf = isoDay(now);
      const errors = draftErrors(body.answers, asOf);
      // 400 before anything is written: the saved draft stays as it was.
      if (errors.length > 0) throw AppError.validation(errors);
      const answers = pruneHiddenAnswers(
        withSavedSsn(body.answers, await readDraft(applicant)),
        asOf,
      );
      const ciphertext = await app.crypto.encryptJson(
        applicant.organizationId,
        applicantPlace.draft(applicant._id),
        { answers },
      );
      await scoped(Applicants, applicant.organizationId).updateOne(
        { _id: applicant._id, 'survey.tokenHash': applicant.survey.tokenHash },
        {
          $set: {
            draft: { ciphertext, step: body.step, updatedAt: now },
            'survey.status': 'in_progress',
            'survey.lastSavedAt': now,
            'survey.openedAt': applicant.survey.openedAt ?? now,
            ...(body.language ? { language: body.language } : {}),
          },
        },
      );
    },

    async submit(
      applicant: ApplicantDocument,
      body: SubmitSurveyBody,
      meta: RequestMeta,
    ): Promise<SurveyCompletion> {
      const now = new Date();
      const asOf = isoDay(now);
      const answers = withSavedSsn(body.answers, await readDraft(applicant));
      const details: ErrorDetail[] = checkAnswers(answers, asOf).errors.map((e) => ({
        path: `/body/answers${e.path}`,
        message: e.message,
      }));
      if (!signatureMatchesName(body.signature.fullName, answers)) {
        details.push({
          path: '/body/signature/fullName',
          message: 'must match the first and last name given in step 1',
        });
      }
      if (details.length > 0) throw AppError.validation(details);

      const signed = pruneHiddenAnswers(answers, asOf);
      const language = body.language ?? applicant.language;
      const organization = await Organizations.findById(applicant.organizationId, { name: 1 });
      await claim(applicant, {
        outcome: 'submitted',
        answers: await app.crypto.encryptJson(
          applicant.organizationId,
          submissionPlace.answers(applicant._id),
          signed,
        ),
        signature: applicantSignatureRecord({
          fullName: body.signature.fullName,
          signed: signed as SubmittedAnswers,
          language,
          organizationName: organization?.name ?? '',
          consentVersion: body.signature.consentVersion,
          now,
          signedOn: asOf,
          ...meta,
        }),
        language,
        rulesVersion: RULES_VERSION,
      });

      // Only the request that won the insert gets here: evaluate and record the result.
      const result = evaluateEligibility({ answers: signed, asOf, signed: true });
      const ssnDigits = isSsnValue(signed.ssn) ? normalizeSsn(signed.ssn) : null;
      await scoped(Applicants, applicant.organizationId).updateOne(
        { _id: applicant._id },
        {
          $set: {
            'survey.status': 'submitted',
            'survey.submittedAt': now,
            draft: null,
            language,
            eligibility: await toStoredEligibility(app, applicant, result, now),
            ssnLast4: ssnDigits
              ? await app.crypto.encrypt(
                  applicant.organizationId,
                  applicantPlace.ssnLast4(applicant._id),
                  ssnDigits.slice(5),
                )
              : null,
          },
        },
      );
      await recordSurveyOutcome(app, applicant, 'submitted', result, now);
      return { outcome: 'submitted', at: now.toISOString() };
    },

    async decline(applicant: ApplicantDocument): Promise<SurveyCompletion> {
      const now = new Date();
      await claim(applicant, {
        outcome: 'declined',
        answers: null,
        signature: null,
        language: applicant.language,
        rulesVersion: RULES_VERSION,
      });
      const result = evaluateEligibility({ answers: {}, asOf: isoDay(now), declinedSurvey: true });
      await scoped(Applicants, applicant.organizationId).updateOne(
        { _id: applicant._id },
        {
          $set: {
            'survey.status': 'declined',
            'survey.declinedAt': now,
            // Saying no means we keep none of what was typed so far.
            draft: null,
            eligibility: await toStoredEligibility(app, applicant, result, now),
          },
        },
      );
      await recordSurveyOutcome(app, applicant, 'declined', result, now);
      return { outcome: 'declined', at: now.toISOString() };
    },
  };
}
