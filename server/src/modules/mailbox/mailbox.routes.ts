import type { FastifyInstance } from 'fastify';
import { mailboxRoutes } from '@eligo/shared/routes';
import type { Mail as MailDto } from '@eligo/shared/schemas/mailbox';
import { normalizeEmail } from '../../lib/email.ts';
import { answersOnlyThisMachine } from '../../lib/http/hosts.ts';
import { mailModel, type Mail } from '../../lib/mail/mail.model.ts';
import { registerRoute } from '../../lib/route.ts';

function toMailDto(mail: Mail): MailDto {
  return {
    id: mail._id.toHexString(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text ?? '',
    ...(mail.html ? { html: mail.html } : {}),
    createdAt: mail.createdAt.toISOString(),
  };
}

/**
 * The dev mailbox: mail kept in the outbox when no SMTP server is configured. It shows every
 * organization's mail to anyone who can reach the server, so the route exists only when
 * DEV_MAILBOX is on (see the README: never in production unless explicitly asked for).
 */
export default async function mailboxModule(app: FastifyInstance): Promise<void> {
  registerRoute(app, mailboxRoutes.delivery, {
    handler: async () => ({
      transport: app.mail.delivers ? ('smtp' as const) : ('outbox' as const),
      devMailbox: app.config.devMailbox,
    }),
  });

  if (!app.config.devMailbox) return;
  if (answersOnlyThisMachine(app.config.hosts, app.config.host))
    app.log.info(
      'DEV_MAILBOX is on: outbox mail is shown at /dev/mailbox (this server listens on a loopback address and answers local host names only)',
    );
  else if (app.config.env === 'production')
    app.log.warn(
      'DEV_MAILBOX is on in production: anyone who can reach this server reads every outbox mail at /dev/mailbox',
    );
  const Mails = mailModel(app.mongo);
  registerRoute(app, mailboxRoutes.list, {
    handler: async (request) => {
      const to = request.query.to ? normalizeEmail(request.query.to) : undefined;
      const mails = await Mails.find({ transport: 'outbox', ...(to ? { to } : {}) })
        .sort({ createdAt: -1 })
        .limit(200)
        .lean();
      return { items: mails.map(toMailDto) };
    },
  });
}
