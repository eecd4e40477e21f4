import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { MailRef } from '../../plugins/mail.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import {
  type Actor,
  type Applicant,
  applicantModel,
  recordEvent,
  systemActor,
} from '../applicants/index.ts';
import { organizationModel } from '../organizations/index.ts';
import { settleDelivery } from './delivery-claims.ts';
import type { DeliveryDocument } from './delivery.model.ts';
import { surveyInvitationMail } from './survey-invitation-mail.ts';
import { recordLinkEmailed, type SurveyLink } from './survey-link.service.ts';

/**
 * The survey's emails go through the outbox (docs/reliability.md §4): queued with a reference to the
 * link they carry and the delivery claims they settle; the outbox tells us when the mail server
 * accepted or refused them. `survey.link`: a new link (invitation, resend); `survey.reminder`.
 */
export const SURVEY_LINK_MAIL = 'survey.link';
export const SURVEY_REMINDER_MAIL = 'survey.reminder';

/** What a queued survey email stands for (its outbox reference, ids as strings). */
interface SurveyMailRef extends MailRef {
  applicantId: string;
  /** The link the email carries (its SHA-256): the email is sent only while it is the current one. */
  tokenHash: string;
  /** The delivery claims it settles, comma-separated. */
  claims: string;
  /** The timeline event once accepted: `invitation_sent`, `survey_resent` or `reminder_sent`. */
  event: string;
  /** A reminder's number. */
  number: string;
  /** Who asked for it (the timeline names them when it is sent): `system`, or a user's id and name. */
  actor: string;
}

const actorRef = (actor: Actor): string =>
  actor.kind === 'user' ? `user:${actor.userId.toHexString()}:${actor.name}` : actor.kind;

function actorOf(ref: MailRef): Actor {
  const [kind, userId, ...name] = (ref.actor ?? 'system').split(':');
  if (kind === 'user' && userId && Types.ObjectId.isValid(userId))
    return { kind: 'user', userId: new Types.ObjectId(userId), name: name.join(':') };
  return kind === 'lever' || kind === 'applicant' ? { kind } : systemActor;
}

/** Queues the survey email (invitation, resend or reminder) in the applicant's language. */
export async function queueSurveyMail(
  app: FastifyInstance,
  applicant: Applicant,
  link: SurveyLink,
  mail: {
    claims: DeliveryDocument[];
    event: 'invitation_sent' | 'survey_resent' | 'reminder_sent';
    reminder: number;
    actor?: Actor;
  },
): Promise<void> {
  const organization = await organizationModel(app.mongo).findById(applicant.organizationId);
  if (!organization) throw new Error('The applicant has no organization');
  const ref: SurveyMailRef = {
    applicantId: applicant._id.toHexString(),
    tokenHash: link.tokenHash,
    claims: mail.claims.map((c) => c._id).join(','),
    event: mail.event,
    number: String(mail.reminder),
    actor: actorRef(mail.actor ?? systemActor),
  };
  await app.mail.enqueue(
    surveyInvitationMail({
      to: applicant.email,
      language: applicant.language,
      firstName: applicant.firstName,
      organizationName: organization.name,
      postingTitle: applicant.postingTitle,
      link: link.url,
      expiresAt: link.expiresAt,
      reminder: mail.reminder,
    }),
    {
      organizationId: applicant.organizationId,
      kind: mail.reminder > 0 ? SURVEY_REMINDER_MAIL : SURVEY_LINK_MAIL,
      // One email per claim, ever: a rerun after a crash finds the one already queued.
      key: mail.claims[0]!._id,
      ref,
    },
  );
}

const settleAll = (
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  ref: MailRef,
  state: 'sent' | 'failed',
  reason?: string,
) =>
  Promise.all(
    ref
      .claims!.split(',')
      .filter(Boolean)
      .map((_id) => settleDelivery(app, { _id, organizationId }, state, reason)),
  );

/** The outbox's handlers for the survey's emails (registered at boot). */
export function handleSurveyMails(app: FastifyInstance): void {
  const Applicants = applicantModel(app.mongo);
  const find = (organizationId: Types.ObjectId, ref: MailRef) =>
    scoped(Applicants, organizationId).findById(ref.applicantId);

  /** Still the applicant's link, and the survey still open: else the email would be a dead link. */
  const stillWanted = async (ref: MailRef, organizationId: Types.ObjectId) => {
    const applicant = await find(organizationId, ref);
    const { status, tokenHash } = applicant?.survey ?? {};
    return tokenHash === ref.tokenHash && status !== 'submitted' && status !== 'declined';
  };

  const rejected = async (ref: MailRef, organizationId: Types.ObjectId, reason: string) => {
    await settleAll(app, organizationId, ref, 'failed', reason);
    const applicant = await find(organizationId, ref);
    if (!applicant) return;
    const why = `The mail server refused the email: ${reason}`;
    if (ref.event === 'reminder_sent') {
      await recordEvent(app, applicant, 'reminder_failed', {
        once: `reminder-failed:${ref.claims}`,
        data: { number: Number(ref.number), reason: why },
      });
      return;
    }
    // A first link nobody received: the survey is "Not sent" again, so an admin can fix the email.
    await scoped(Applicants, organizationId).updateOne(
      { _id: applicant._id, 'survey.tokenHash': ref.tokenHash, 'survey.status': 'sending' },
      {
        $set: {
          'survey.status': 'not_sent',
          'survey.tokenHash': null,
          'survey.tokenCiphertext': null,
          'survey.expiresAt': null,
        },
      },
    );
    await recordEvent(app, applicant, 'invitation_failed', {
      actor: actorOf(ref),
      once: `invitation-failed:${ref.claims}`,
      data: { reason: why },
    });
  };

  app.mail.handle(SURVEY_LINK_MAIL, {
    stillWanted,
    rejected,
    async sent(ref, organizationId, sentAt) {
      const applicantId = new Types.ObjectId(ref.applicantId);
      await settleAll(app, organizationId, ref, 'sent');
      const applicant = await find(organizationId, ref);
      if (!applicant) return;
      await recordEvent(app, applicant, ref.event as 'invitation_sent' | 'survey_resent', {
        actor: actorOf(ref),
        at: sentAt,
        once: `link-emailed:${ref.claims}`,
        data: {
          email: applicant.email,
          expiresAt: applicant.survey.expiresAt?.toISOString() ?? null,
        },
      });
      // Last, so "Sent" on the dashboard implies the timeline and the claims say so too.
      await recordLinkEmailed(app.mongo, organizationId, applicantId, ref.tokenHash!, sentAt);
      // Later applications of the same person that reuse this survey were "Sending" with it.
      await scoped(Applicants, organizationId).updateMany(
        { reusedFrom: applicantId, 'survey.status': 'sending' },
        { $set: { 'survey.status': 'sent', 'survey.sentAt': sentAt } },
      );
    },
  });

  app.mail.handle(SURVEY_REMINDER_MAIL, {
    stillWanted,
    rejected,
    async sent(ref, organizationId, sentAt) {
      await settleAll(app, organizationId, ref, 'sent');
      const applicant = await find(organizationId, ref);
      if (!applicant) return;
      await recordEvent(app, applicant, 'reminder_sent', {
        at: sentAt,
        once: `reminder-sent:${ref.claims}`,
        data: { number: Number(ref.number), email: applicant.email },
      });
    },
  });
}
