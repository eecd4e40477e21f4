import { defineRoute } from '../route-table.ts';
import { mailboxSchema, mailDeliverySchema } from '../schemas/mailbox.ts';
import { Type } from 'typebox';
import { TEXT } from '../text.ts';

export const mailboxRoutes = {
  delivery: defineRoute({
    method: 'GET',
    path: '/api/mail/delivery',
    summary:
      'Whether mail is sent (SMTP) or kept in the outbox, and whether the dev mailbox shows it',
    access: 'admin',
    tags: ['mail'],
    response: mailDeliverySchema,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/dev/mailbox',
    summary: 'Mails kept in the outbox when no SMTP server is configured (local development only)',
    access: 'public',
    tags: ['dev'],
    query: Type.Object(
      { to: Type.Optional(Type.String({ maxLength: 254, pattern: TEXT })) },
      { additionalProperties: false },
    ),
    response: mailboxSchema,
  }),
};

/**
 * The public applicant survey. The token in the path is the only credential; unknown, malformed,
 * expired and used links all get the same 404 (SURVEY_LINK_INVALID). Rate-limited per client IP.
 */
