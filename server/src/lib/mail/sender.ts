import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { Transporter } from 'nodemailer';
import { normalizeEmail } from '../email.ts';
import { PermanentFailure } from '../jobs/errors.ts';
import type { JobContext } from '../jobs/runner.ts';
import { mailModel } from './mail.model.ts';
import {
  MAIL_JOB,
  sealedMailPlace,
  type MailHandlers,
  type MailJobPayload,
  type OutgoingMail,
} from './outbox.ts';

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
}

/**
 * A refusal for good: the server answered 5xx to the recipient (`EENVELOPE`: no such mailbox) or
 * to the message (`EMESSAGE`). Anything else (no connection, a timeout, 4xx, a refused login) may
 * pass: the same message is tried again, so an ambiguous failure (no answer after the data) costs
 * at most a second copy of one message, never a different one.
 */
export function isPermanentRejection(error: unknown): boolean {
  const e = error as SmtpError;
  return (
    typeof e.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    (e.code === 'EENVELOPE' || e.code === 'EMESSAGE')
  );
}

/** The error without the message's content: what the server said, and to which command. */
function describe(error: unknown): string {
  const e = error as SmtpError & Error;
  const what = [e.code, e.command, e.responseCode].filter(Boolean).join(' ');
  return `${what ? `${what}: ` : ''}${(e.response ?? e.message ?? String(error)).slice(0, 300)}`;
}

/**
 * The `mail.send` job: delivers one queued message (docs/reliability.md §4). A message the log
 * already records as accepted is not sent again (a crash after the server's "250"); otherwise it is
 * sent with its fixed Message-ID, recorded in the log, and its module told (`sent`). Every success
 * also revives mail that died while the server was away.
 */
export function mailSender(
  app: FastifyInstance,
  transport: Transporter | undefined,
  handlers: ReadonlyMap<string, MailHandlers>,
) {
  const Mails = mailModel(app.mongo);
  const { mailFrom } = app.config;

  async function deliver(
    mail: OutgoingMail,
    payload: MailJobPayload,
    organizationId: Types.ObjectId,
  ): Promise<Date> {
    const to = normalizeEmail(mail.to);
    if (transport) {
      await transport.sendMail({
        from: mailFrom,
        to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: payload.messageId,
      });
    }
    const sentAt = new Date();
    await Mails.create({
      organizationId,
      kind: payload.kind,
      to,
      subject: mail.subject,
      transport: transport ? 'smtp' : 'outbox',
      // Only the dev outbox keeps the content (it holds links): the SMTP log keeps the envelope.
      text: transport ? null : mail.text,
      html: transport ? null : (mail.html ?? null),
      messageId: payload.messageId,
      createdAt: sentAt,
    });
    return sentAt;
  }

  return async function send({ payload, organizationId, log }: JobContext<MailJobPayload>) {
    if (!organizationId) throw new PermanentFailure('The mail job names no organization');
    const orgId = new Types.ObjectId(organizationId);
    const on = handlers.get(payload.kind) ?? {};
    const logged = await Mails.findOne({ messageId: payload.messageId }, { createdAt: 1 }).lean();
    let sentAt = logged?.createdAt;
    if (!sentAt) {
      if (on.stillWanted && !(await on.stillWanted(payload.ref, orgId))) {
        log.info({ kind: payload.kind }, 'mail dropped unsent: superseded by a newer one');
        return;
      }
      const mail = await app.crypto.decryptJson<OutgoingMail>(
        orgId,
        sealedMailPlace(payload.messageId),
        payload.sealed,
      );
      try {
        sentAt = await deliver(mail, payload, orgId);
      } catch (error) {
        if (!isPermanentRejection(error)) throw new Error(describe(error));
        const reason = describe(error);
        await on.rejected?.(payload.ref, orgId, reason);
        throw new PermanentFailure(`The mail server refused the message: ${reason}`);
      }
      if (transport)
        void app.jobs
          .revive({ types: [MAIL_JOB] })
          .catch((error: unknown) => log.warn({ err: error }, 'reviving dead mail failed'));
    }
    await on.sent?.(payload.ref, orgId, sentAt);
  };
}
