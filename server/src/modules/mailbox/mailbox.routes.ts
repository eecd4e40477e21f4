import type { FastifyInstance } from 'fastify';
import { mailboxRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { mailModel, toMailDto } from './mail.model.ts';

/** The dev mailbox: mail kept in the outbox when no SMTP server is configured. Gone once SMTP is. */
export default async function mailboxModule(app: FastifyInstance): Promise<void> {
  const Mails = mailModel(app.mongo);
  registerRoute(app, mailboxRoutes.list, {
    handler: async (request) => {
      if (app.mail.delivers)
        throw AppError.notFound('Mail is delivered over SMTP; there is no local mailbox');
      const to = request.query.to ? normalizeEmail(request.query.to) : undefined;
      const mails = await Mails.find({ transport: 'outbox', ...(to ? { to } : {}) })
        .sort({ createdAt: -1 })
        .limit(200)
        .lean();
      return { items: mails.map(toMailDto) };
    },
  });
}
