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

export const mailboxSchema = Type.Object({ items: Type.Array(mailSchema) });
export type Mailbox = Static<typeof mailboxSchema>;
