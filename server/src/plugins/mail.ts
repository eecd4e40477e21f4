import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';
import { mailModel } from '../lib/mail/mail.model.ts';
import {
  MAIL_JOB,
  MAIL_KIND,
  newMessageId,
  sealedMailPlace,
  type EnqueueMailOptions,
  type MailHandlers,
  type MailJobPayload,
  type OutgoingMail,
} from '../lib/mail/outbox.ts';
import { mailSender } from '../lib/mail/sender.ts';

export type { MailHandlers, MailRef, OutgoingMail } from '../lib/mail/outbox.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mail: {
      /** True when mail really leaves (SMTP_URL set); false when it stays in the dev outbox. */
      delivers: boolean;
      /**
       * Queues a rendered message in the outbox: it is stored (encrypted) before this resolves,
       * then sent by a job that retries for `MAIL_RETRY_HOURS` with the same Message-ID.
       */
      enqueue(mail: OutgoingMail, options: EnqueueMailOptions): Promise<{ created: boolean }>;
      /** What a module is told about its messages of `kind` (register at boot). */
      handle(kind: string, handlers: MailHandlers): void;
    };
  }
}

/**
 * The one way Eligo sends mail (docs/reliability.md §4): modules queue rendered messages in the
 * outbox; a `mail.send` job delivers each over SMTP_URL (or keeps it in the dev outbox when none is
 * configured) and marks it sent only when the server accepted it.
 */
export default fp(
  async (app) => {
    mailModel(app.mongo); // boot creates the log's collection and indexes
    const { smtpUrl, mailFrom, smtpTimeoutMs } = app.config;
    let transport: Transporter | undefined;
    if (smtpUrl) {
      transport = nodemailer.createTransport(
        {
          url: smtpUrl,
          // An answer that never comes ends the attempt: the same message is tried again.
          connectionTimeout: smtpTimeoutMs,
          greetingTimeout: smtpTimeoutMs,
          socketTimeout: smtpTimeoutMs,
        },
        { from: mailFrom },
      );
      app.addHook('onClose', async () => transport?.close());
    } else {
      app.log.warn(
        app.config.devMailbox
          ? 'SMTP_URL is not set: mail is not sent but kept in the outbox, shown at /dev/mailbox'
          : 'SMTP_URL is not set: mail is not sent but kept in the outbox (DEV_MAILBOX=true shows it at /dev/mailbox)',
      );
    }
    const handlers = new Map<string, MailHandlers>();

    app.jobs.define<MailJobPayload>(MAIL_JOB, {
      handler: mailSender(app, transport, handlers),
      kind: MAIL_KIND,
      retryForMs: app.config.retryBudgets.mailMs,
      baseDelayMs: 5_000,
      timeoutMs: 3 * smtpTimeoutMs,
    });

    app.decorate('mail', {
      delivers: Boolean(transport),
      async enqueue(mail, { organizationId, kind, key, ref = {} }) {
        const messageId = newMessageId(mailFrom);
        const sealed = await app.crypto.encryptJson(
          organizationId,
          sealedMailPlace(messageId),
          mail,
        );
        const { created } = await app.jobs.enqueue<MailJobPayload>(
          MAIL_JOB,
          { messageId, kind, ref, sealed },
          { organizationId, ...(key === undefined ? {} : { key: `${kind}:${key}` }) },
        );
        return { created };
      },
      handle(kind, kindHandlers) {
        if (handlers.has(kind)) throw new Error(`mail handlers for ${kind} are already registered`);
        handlers.set(kind, kindHandlers);
      },
    });
  },
  { name: 'mail', dependencies: ['config', 'mongo', 'crypto', 'jobs'] },
);
