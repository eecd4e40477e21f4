import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/app-error.ts';
import { withReservation, type Release } from '../../lib/limits/mail-limits.ts';
import {
  actionUnavailable,
  type Actor,
  type Applicant,
  type ApplicantDocument,
  applicantModel,
  OPEN_SURVEY_STATUSES,
  surveyStatusOf,
  systemActor,
} from '../applicants/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { CLAIM_LEASE_MS, claimDelivery, settleDelivery } from './delivery-claims.ts';
import { deliveryModel, type DeliveryDocument } from './delivery.model.ts';
import { queueSurveyMail } from './survey-mails.ts';
import { issueSurveyLink } from './survey-link.service.ts';
import { reuseSurvey } from './survey-results.ts';

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

export type InviteOutcome =
  /** The invitation email is in the outbox now (the status is "Sending" until the server accepts it). */
  | 'queued'
  /** The same person was surveyed recently: this applicant uses that survey, no email. */
  | 'reused'
  /** The invitation was sent before (or the survey is already answered). */
  | 'already_sent'
  /** Another caller is queueing it right now (or died doing so: retry after CLAIM_LEASE_MS). */
  | 'in_progress'
  /** No email address: listed as "Missing email" until an admin adds one. */
  | 'missing_email'
  /** Lever anonymized the candidate: nobody to email. */
  | 'anonymized';

export interface InviteResult {
  outcome: InviteOutcome;
  applicant: ApplicantDocument;
}

async function reload(app: FastifyInstance, ref: ApplicantRef): Promise<ApplicantDocument> {
  const applicant = await scoped(applicantModel(app.mongo), ref.organizationId).findById(ref._id);
  if (!applicant) throw AppError.notFound('No such applicant');
  return applicant;
}

/**
 * Issues a link (revoking any previous one) and queues its email in the outbox; if queueing fails
 * the link is withdrawn, so the status never claims an email that does not exist.
 */
async function queueNewLink(
  app: FastifyInstance,
  applicant: ApplicantDocument,
  mail: Omit<Parameters<typeof queueSurveyMail>[3], 'reminder'>,
): Promise<void> {
  const before = applicant.survey;
  const link = await issueSurveyLink(app, applicant.organizationId, applicant._id);
  try {
    await queueSurveyMail(app, applicant, link, { ...mail, reminder: 0 });
  } catch (error) {
    // Nobody has this link: put the survey back as it was.
    await scoped(applicantModel(app.mongo), applicant.organizationId).updateOne(
      { _id: applicant._id, 'survey.tokenHash': link.tokenHash },
      {
        $set: {
          'survey.status': before.status,
          'survey.tokenHash': before.tokenHash,
          'survey.tokenCiphertext': before.tokenCiphertext,
          'survey.expiresAt': before.expiresAt,
          'survey.sentAt': before.sentAt,
          'survey.invitedAt': before.invitedAt,
        },
      },
    );
    throw error;
  }
}

/** The key under which one person's survey is claimed (the email's hash, not the email). */
function personKey(applicant: Applicant): string {
  const digest = createHash('sha256')
    .update(applicant.emailNormalized ?? '')
    .digest('hex');
  return `person:${digest}`;
}

/** Can a later application of the same person use this applicant's survey? */
function canBeReused(source: Applicant, now: Date): boolean {
  const status = surveyStatusOf(source.survey, now);
  return status !== 'expired' && status !== 'missing_email';
}

/**
 * Decides whether `applicant` is surveyed or reuses an earlier survey of the same person. The
 * person's survey is claimed like an email (`person:<email hash>#<attempt>`): concurrent
 * applications of one person elect one applicant to survey, the others reuse it.
 */
async function claimPerson(
  app: FastifyInstance,
  applicant: ApplicantDocument,
  now: Date,
): Promise<{ claim: DeliveryDocument } | { source: ApplicantDocument }> {
  const windowMs = app.config.surveyReuseWindowMs;
  const Applicants = scoped(applicantModel(app.mongo), applicant.organizationId);
  for (let round = 0; round < 5; round++) {
    const result = await claimDelivery(app, {
      organizationId: applicant.organizationId,
      applicantId: applicant._id,
      key: personKey(applicant),
      kind: 'person',
      now,
      sentValidForMs: windowMs,
    });
    if (result.won) return { claim: result.claim };
    const source = await Applicants.findById(result.current.applicantId);
    if (source && !source._id.equals(applicant._id) && canBeReused(source, now)) {
      return { source };
    }
    // The survey on record cannot be reused (expired unanswered, or gone): it no longer counts.
    await settleDelivery(app, result.current, 'failed', 'superseded');
  }
  throw new Error('Could not decide whose survey this person answers');
}

/**
 * Queues the applicant's survey invitation in the outbox, exactly once per applicant however often
 * and however concurrently it is called (a unique claim insert, see delivery-claims.ts); the outbox
 * sends it, retrying through mail server outages, and the survey is "Sent" once the server accepted
 * it. A retried job may call it again after a failure: a failed or abandoned attempt is retried, a
 * queued or sent one is not. When the same person (same email) was surveyed within
 * `SURVEY_REUSE_DAYS`, nothing is sent and the applicant reuses that survey and its result.
 */
export async function inviteApplicant(
  app: FastifyInstance,
  ref: ApplicantRef,
  options: { actor?: Actor } = {},
): Promise<InviteResult> {
  const actor = options.actor ?? systemActor;
  const now = new Date();
  const applicant = await reload(app, ref);
  if (applicant.anonymized) return { outcome: 'anonymized', applicant };
  if (!applicant.emailNormalized) return { outcome: 'missing_email', applicant };
  // `sending` too: a caller that died after issuing the link may not have queued its email; the
  // invitation's claim says whether it did (queued or sent: nothing to do).
  const waiting = ['not_sent', 'missing_email', 'sending'].includes(applicant.survey.status);
  if (!waiting || applicant.reusedFrom) return { outcome: 'already_sent', applicant };

  const own = await claimDelivery(app, {
    organizationId: applicant.organizationId,
    applicantId: applicant._id,
    key: `invitation:${applicant._id.toHexString()}`,
    kind: 'invitation',
    now,
  });
  if (!own.won) {
    const outcome = own.current.state === 'claimed' ? 'in_progress' : 'already_sent';
    return { outcome, applicant };
  }

  let person: DeliveryDocument | null = null;
  try {
    // SURVEY_REUSE_DAYS=0: every application is surveyed, even two of one person at once.
    const reuse = app.config.surveyReuseWindowMs > 0;
    const decision = reuse ? await claimPerson(app, applicant, now) : null;
    if (decision && 'source' in decision) {
      await reuseSurvey(app, applicant, decision.source, actor);
      await settleDelivery(app, own.claim, 'reused');
      return { outcome: 'reused', applicant: await reload(app, applicant) };
    }
    person = decision?.claim ?? null;
    const claims = person ? [own.claim, person] : [own.claim];
    await queueNewLink(app, applicant, { claims, event: 'invitation_sent', actor });
  } catch (error) {
    // Only our own database can fail here (sending happens later): the caller retries.
    await settleDelivery(app, own.claim, 'failed', error);
    if (person) await settleDelivery(app, person, 'failed', error);
    throw error;
  }
  await settleDelivery(app, own.claim, 'queued');
  if (person) await settleDelivery(app, person, 'queued');
  return { outcome: 'queued', applicant: await reload(app, applicant) };
}

/**
 * Emails the survey again with a new link; the previous link stops working. For an applicant whose
 * invitation never went out (e.g. the mail server was down) this is the first send. `reserveMail`
 * counts the email against the admin mail limits once the resend is decided (given back when the
 * email fails).
 */
export async function resendSurvey(
  app: FastifyInstance,
  ref: ApplicantRef,
  actor: Actor,
  reserveMail: () => Promise<Release>,
): Promise<ApplicantDocument> {
  const applicant = await reload(app, ref);
  if (applicant.anonymized)
    throw actionUnavailable('Lever anonymized this candidate: there is nobody to email');
  if (!applicant.emailNormalized) throw actionUnavailable('Add an email address first');
  if (applicant.reusedFrom) {
    throw actionUnavailable(
      'This applicant uses the survey of an earlier application: resend it from there',
    );
  }
  const { status } = applicant.survey;
  if (status === 'submitted' || status === 'declined') {
    throw actionUnavailable('The applicant has already answered the survey');
  }
  // One resend at a time, once per link: a double click, or two admins at once, queue one email.
  // The claim is keyed by the link the caller saw; a caller who already sees the link another
  // resend has just made is refused by that resend's recent claim (being queued, or queued).
  const now = new Date();
  const prefix = `resend:${applicant._id.toHexString()}:`;
  const inFlight = await scoped(deliveryModel(app.mongo), applicant.organizationId).exists({
    key: { $regex: `^${prefix}` },
    state: { $in: ['claimed', 'queued'] },
    claimedAt: { $gt: new Date(now.getTime() - CLAIM_LEASE_MS) },
  });
  if (inFlight) throw actionUnavailable('A new link was just sent to this applicant');
  const claim = await claimDelivery(app, {
    organizationId: applicant.organizationId,
    applicantId: applicant._id,
    key: `${prefix}${applicant.survey.tokenHash?.slice(0, 16) ?? 'none'}`,
    kind: 'resend',
    now,
  });
  if (!claim.won) throw actionUnavailable('A new link was just sent to this applicant');
  const firstSend = !(OPEN_SURVEY_STATUSES as readonly string[]).includes(status);
  try {
    await withReservation(reserveMail(), async () => ({
      result: await queueNewLink(app, applicant, {
        claims: [claim.claim],
        event: firstSend ? 'invitation_sent' : 'survey_resent',
        actor,
      }),
      sent: true,
    }));
  } catch (error) {
    await settleDelivery(app, claim.claim, 'failed', error);
    throw error;
  }
  await settleDelivery(app, claim.claim, 'queued');
  return reload(app, applicant);
}
