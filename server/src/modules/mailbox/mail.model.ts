import { Schema, type Types } from 'mongoose';
import type { Mail as MailDto } from '@eligo/shared/schemas/mailbox';
import { modelOn } from '../../lib/model.ts';

/**
 * Every mail Eligo sends. With SMTP configured only the envelope is kept (a record of what went
 * out); without SMTP the whole message stays here, the "outbox", shown on the dev mailbox page.
 */
export interface Mail {
  _id: Types.ObjectId;
  to: string;
  subject: string;
  transport: 'smtp' | 'outbox';
  text: string | null;
  html: string | null;
  messageId: string | null;
  createdAt: Date;
}

const mailSchema = new Schema<Mail>(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    transport: { type: String, enum: ['smtp', 'outbox'], required: true },
    text: { type: String, default: null },
    html: { type: String, default: null },
    messageId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
mailSchema.index({ transport: 1, createdAt: -1 });

export const mailModel = modelOn<Mail>('Mail', mailSchema);

export function toMailDto(mail: Mail): MailDto {
  return {
    id: mail._id.toHexString(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text ?? '',
    ...(mail.html ? { html: mail.html } : {}),
    createdAt: mail.createdAt.toISOString(),
  };
}
