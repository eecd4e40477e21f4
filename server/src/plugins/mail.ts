import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';
import { ErrorCode } from '@eligo/shared/errors';
import { AppError } from '../lib/app-error.ts';
import { normalizeEmail } from '../lib/email.ts';
import { mailModel } from '../lib/mail/mail.model.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    mail: {
      /** True when mail really leaves (SMTP_URL set); false when it stays in the dev outbox. */
      delivers: boolean;
      send(mail: OutgoingMail): Promise<void>;
    };
  }
}

/** The one way Eligo sends mail: nodemailer over SMTP_URL, or the outbox when none is configured. */
export default fp(
  async (app) => {
    const Mails = mailModel(app.mongo);
    const { smtpUrl, mailFrom } = app.config;
    let transport: Transporter | undefined;
    if (smtpUrl) {
      transport = nodemailer.createTransport(smtpUrl, { from: mailFrom });
      app.addHook('onClose', async () => transport?.close());
    } else {
      app.log.warn(
        app.config.devMailbox
          ? 'SMTP_URL is not set: mail is not sent but kept in the outbox, shown at /dev/mailbox'
          : 'SMTP_URL is not set: mail is not sent but kept in the outbox (DEV_MAILBOX=true shows it at /dev/mailbox)',
      );
    }

    app.decorate('mail', {
      delivers: Boolean(transport),
      async send(outgoing: OutgoingMail) {
        const mail = { ...outgoing, to: normalizeEmail(outgoing.to) };
        const createdAt = new Date();
        if (!transport) {
          await Mails.create({
            ...mail,
            html: mail.html ?? null,
            transport: 'outbox',
            messageId: null,
            createdAt,
          });
          return;
        }
        try {
          const info = (await transport.sendMail({ from: mailFrom, ...mail })) as {
            messageId?: string;
          };
          await Mails.create({
            to: mail.to,
            subject: mail.subject,
            transport: 'smtp',
            text: null,
            html: null,
            messageId: info.messageId ?? null,
            createdAt,
          });
        } catch (error) {
          app.log.error({ err: error, subject: mail.subject }, 'sending mail failed');
          throw new AppError(
            ErrorCode.MailFailed,
            'The email could not be sent. Please try again later.',
          );
        }
      },
    });
  },
  { name: 'mail', dependencies: ['config', 'mongo'] },
);
