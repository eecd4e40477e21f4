import type { FastifyInstance } from 'fastify';
import type { EligibilityResult } from '@eligo/shared/wotc';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import {
  type Actor,
  type Applicant,
  applicantModel,
  applicantPlace,
  readEligibility,
  recordEvent,
  systemActor,
  toStoredEligibility,
  wotcStatusOfEligibility,
} from '../applicants/index.ts';

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

/** The survey fields a reusing applicant mirrors from the applicant who answered. */
const MIRRORED_SURVEY_FIELDS = [
  'status',
  'expiresAt',
  'invitedAt',
  'sentAt',
  'openedAt',
  'submittedAt',
  'declinedAt',
] as const;

function mirroredSurvey(source: Applicant): Record<string, unknown> {
  return Object.fromEntries(
    MIRRORED_SURVEY_FIELDS.map((field) => [`survey.${field}`, source.survey[field]]),
  );
}

/**
 * Called by the survey once the applicant's final answer is stored (the unique submission insert
 * was won): records it on the timeline, sets the WOTC status and announces it ("status decided":
 * Lever's tag sync asks for the tag), and passes the result on to later applications of the same
 * person that reuse this survey.
 */
export async function recordSurveyOutcome(
  app: FastifyInstance,
  applicant: ApplicantRef,
  outcome: 'submitted' | 'declined',
  result: EligibilityResult,
  at: Date,
): Promise<void> {
  const Applicants = scoped(applicantModel(app.mongo), applicant.organizationId);
  await recordEvent(
    app,
    applicant,
    outcome === 'submitted' ? 'survey_submitted' : 'survey_declined',
    {
      actor: { kind: 'applicant' },
      at,
      once: 'answered',
    },
  );
  const wotcStatus = wotcStatusOfEligibility(result.status);
  await Applicants.updateOne({ _id: applicant._id }, { $set: { wotcStatus } });
  await recordEvent(app, applicant, 'evaluated', {
    at,
    once: 'evaluated',
    data: {
      status: result.status,
      maxPotentialCredit: result.maxPotentialCredit,
      targetGroups: result.matches.map((m) => m.code).join(', '),
      rulesVersion: result.rulesVersion,
    },
  });
  await app.applicants.announceStatusDecided({ applicant, status: wotcStatus, actor: systemActor });

  const source = await Applicants.findById(applicant._id);
  if (!source) return;
  for (const dependent of await Applicants.find({ reusedFrom: applicant._id })) {
    await copySurveyResult(app, source, dependent);
  }
}

/**
 * Gives `dependent` the answered survey of `source` (same person): the survey dates, the result
 * (re-encrypted for the dependent's own document) and the WOTC status, announced as decided (its
 * own tag is requested).
 */
export async function copySurveyResult(
  app: FastifyInstance,
  source: Applicant,
  dependent: Applicant,
): Promise<void> {
  const result = await readEligibility(app, source);
  if (!result) return;
  const Applicants = scoped(applicantModel(app.mongo), dependent.organizationId);
  const ssnLast4 = source.ssnLast4
    ? await app.crypto.encrypt(
        dependent.organizationId,
        applicantPlace.ssnLast4(dependent._id),
        await app.crypto.decrypt(
          source.organizationId,
          applicantPlace.ssnLast4(source._id),
          source.ssnLast4,
        ),
      )
    : null;
  const wotcStatus = dependent.override?.status ?? wotcStatusOfEligibility(result.status);
  await Applicants.updateOne(
    { _id: dependent._id },
    {
      $set: {
        ...mirroredSurvey(source),
        eligibility: await toStoredEligibility(app, dependent, result, result.evaluatedAt),
        ssnLast4,
        wotcStatus,
      },
    },
  );
  await recordEvent(app, dependent, 'result_copied', {
    once: 'result_copied',
    data: { fromApplicantId: source._id.toHexString(), status: result.status },
  });
  await app.applicants.announceStatusDecided({
    applicant: dependent,
    status: wotcStatus,
    actor: systemActor,
  });
}

/**
 * Makes `dependent` use the survey of `source`, an earlier application of the same person within
 * the reuse window: no email is sent, the timeline says so, and an answered survey's result is
 * copied at once (a survey still open is copied when it is answered).
 */
export async function reuseSurvey(
  app: FastifyInstance,
  dependent: Applicant,
  source: Applicant,
  actor: Actor,
): Promise<void> {
  const inFlight = source.survey.status === 'not_sent';
  const now = new Date();
  await scoped(applicantModel(app.mongo), dependent.organizationId).updateOne(
    { _id: dependent._id },
    {
      $set: {
        reusedFrom: source._id,
        ...mirroredSurvey(source),
        // A source whose invitation is being queued right now is "Sending", with a link's life;
        // both become "Sent" when the mail server accepts the email (survey-mails.ts).
        ...(inFlight
          ? {
              'survey.status': 'sending',
              'survey.sentAt': null,
              'survey.invitedAt': now,
              'survey.expiresAt': new Date(now.getTime() + app.config.surveyLinkTtlMs),
            }
          : {}),
      },
    },
  );
  await recordEvent(app, dependent, 'survey_reused', {
    actor,
    once: 'survey_reused',
    data: {
      fromApplicantId: source._id.toHexString(),
      postingTitle: source.postingTitle,
      appliedAt: source.appliedAt.toISOString(),
    },
  });
  if (source.eligibility) await copySurveyResult(app, source, dependent);
}
