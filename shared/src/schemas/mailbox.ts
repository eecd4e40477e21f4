import { Type, type Static } from 'typebox';
import { idSchema, isoDateTimeSchema } from './common.ts';

export const mailSchema = Type.Object({
  id: idSchema,
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.Optional(Type.String()),
  createdAt: isoDateTimeSchema,
});
export type Mail = Static<typeof mailSchema>;

/** Where Eligo's mail goes, so the UI can say where an invitation really went. */
export const mailDeliverySchema = Type.Object({
  /** `smtp`: mail is sent; `outbox`: no SMTP_URL, mail is only stored. */
  transport: Type.Union([Type.Literal('smtp'), Type.Literal('outbox')]),
  /** The outbox is readable at /dev/mailbox (DEV_MAILBOX). */
  devMailbox: Type.Boolean(),
});
export type MailDelivery = Static<typeof mailDeliverySchema>;

export const mailboxSchema = Type.Object({ items: Type.Array(mailSchema) });
export type Mailbox = Static<typeof mailboxSchema>;
