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
  recordEvent,
  surveyStatusOf,
  systemActor,
} from '../applicants/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { organizationModel } from '../organizations/index.ts';
import { CLAIM_LEASE_MS, claimDelivery, settleDelivery } from './delivery-claims.ts';
import { deliveryModel, type DeliveryDocument } from './delivery.model.ts';
import { surveyInvitationMail } from './survey-invitation-mail.ts';
import { issueSurveyLink, type SurveyLink } from './survey-link.service.ts';
import { reuseSurvey } from './survey-results.ts';

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

export type InviteOutcome =
  /** The invitation email went out now. */
  | 'sent'
  /** The same person was surveyed recently: this applicant uses that survey, no email. */
  | 'reused'
  /** The invitation was sent before (or the survey is already answered). */
  | 'already_sent'
  /** Another caller is sending it right now. */
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

/** Emails the survey link (invitation, reminder or resend) in the applicant's language. */
export async function emailSurvey(
  app: FastifyInstance,
  applicant: Applicant,
  link: SurveyLink,
  reminder: number,
): Promise<void> {
  const organization = await organizationModel(app.mongo).findById(applicant.organizationId);
  if (!organization) throw new Error('The applicant has no organization');
  await app.mail.send(
    surveyInvitationMail({
      to: applicant.email,
      language: applicant.language,
      firstName: applicant.firstName,
      organizationName: organization.name,
      postingTitle: applicant.postingTitle,
      link: link.url,
      expiresAt: link.expiresAt,
      reminder,
    }),
  );
}

/** Issues a link (revoking any previous one) and emails it; on a mail failure the link is withdrawn. */
async function sendNewLink(app: FastifyInstance, applicant: ApplicantDocument): Promise<void> {
  const before = applicant.survey;
  const link = await issueSurveyLink(app, applicant.organizationId, applicant._id);
  try {
    await emailSurvey(app, applicant, link, 0);
  } catch (error) {
    // Nobody has this link: put the survey back as it was, so the status does not claim "Sent".
    await scoped(applicantModel(app.mongo), applicant.organizationId).updateOne(
      { _id: applicant._id },
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
 * Sends the applicant their survey invitation, exactly once per applicant however often and
 * however concurrently it is called (a unique claim insert, see delivery-claims.ts). A retried job
 * may call it again after a failure: a failed attempt is retried, a sent one is not. When the same
 * person (same email) was surveyed within `SURVEY_REUSE_DAYS`, nothing is sent and the applicant
 * reuses that survey and its result.
 */
export async function inviteApplicant(
  app: FastifyInstance,
  ref: ApplicantRef,
  options: { actor?: Actor } = {},
): Promise<InviteResult> {
  const actor = options.actor ?? systemActor;
  const now = new Date();
  let applicant = await reload(app, ref);
  if (applicant.anonymized) return { outcome: 'anonymized', applicant };
  if (!applicant.emailNormalized) return { outcome: 'missing_email', applicant };
  const waiting =
    applicant.survey.status === 'not_sent' || applicant.survey.status === 'missing_email';
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
    await sendNewLink(app, applicant);
  } catch (error) {
    await settleDelivery(app, own.claim, 'failed', error);
    if (person) await settleDelivery(app, person, 'failed', error);
    await recordEvent(app, applicant, 'invitation_failed', {
      actor,
      data: { reason: error instanceof AppError ? error.message : 'The email could not be sent' },
    });
    throw error;
  }
  await settleDelivery(app, own.claim, 'sent');
  if (person) await settleDelivery(app, person, 'sent');
  applicant = await reload(app, applicant);
  await recordEvent(app, applicant, 'invitation_sent', {
    actor,
    data: { email: applicant.email, expiresAt: applicant.survey.expiresAt?.toISOString() ?? null },
  });
  return { outcome: 'sent', applicant };
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
  // One resend at a time, once per link: a double click, or two admins at once, send one email.
  // The claim is keyed by the link the caller saw; a caller that already sees the link a resend in
  // flight has just made finds that resend's claim (taken before the link changed) and is refused.
  const now = new Date();
  const prefix = `resend:${applicant._id.toHexString()}:`;
  const inFlight = await scoped(deliveryModel(app.mongo), applicant.organizationId).exists({
    key: { $regex: `^${prefix}` },
    state: 'claimed',
    claimedAt: { $gt: new Date(now.getTime() - CLAIM_LEASE_MS) },
  });
  if (inFlight) throw actionUnavailable('A new link was just sent to this applicant');
  const claim = await claimDelivery(app, {
    organizationId: applicant.organizationId,
    applicantId: applicant._id,
    key: `${prefix}${applicant.survey.sentAt?.getTime() ?? 0}`,
    kind: 'resend',
    now,
  });
  if (!claim.won) throw actionUnavailable('A new link was just sent to this applicant');
  try {
    await withReservation(reserveMail(), async () => ({
      result: await sendNewLink(app, applicant),
      sent: true,
    }));
  } catch (error) {
    await settleDelivery(app, claim.claim, 'failed', error);
    throw error;
  }
  await settleDelivery(app, claim.claim, 'sent');
  const updated = await reload(app, applicant);
  const firstSend = !(OPEN_SURVEY_STATUSES as readonly string[]).includes(status);
  await recordEvent(app, updated, firstSend ? 'invitation_sent' : 'survey_resent', {
    actor,
    data: { email: updated.email, expiresAt: updated.survey.expiresAt?.toISOString() ?? null },
  });
  return updated;
}
