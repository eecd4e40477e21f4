import type { FastifyInstance } from 'fastify';
import { mailboxRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { mailModel, toMailDto } from './mail.model.ts';

/**
 * The dev mailbox: mail kept in the outbox when no SMTP server is configured. It shows every
 * organization's mail to anyone, so it exists only when DEV_MAILBOX is set (the local launcher does).
 */
export default async function mailboxModule(app: FastifyInstance): Promise<void> {
  const Mails = mailModel(app.mongo);
  registerRoute(app, mailboxRoutes.list, {
    handler: async (request) => {
      if (!app.config.devMailbox) {
        throw AppError.notFound(
          'There is no local mailbox (DEV_MAILBOX is off or SMTP is configured)',
        );
      }
      const to = request.query.to ? normalizeEmail(request.query.to) : undefined;
      const mails = await Mails.find({ transport: 'outbox', ...(to ? { to } : {}) })
        .sort({ createdAt: -1 })
        .limit(200)
        .lean();
      return { items: mails.map(toMailDto) };
    },
  });
}
