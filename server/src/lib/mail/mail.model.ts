import { Schema, type Types } from 'mongoose';
import { modelOn } from '../model.ts';

/**
 * The log of mail Eligo delivered (the mail sender writes one row when the SMTP server accepted a
 * message, or kept it here without SMTP). With SMTP configured only the envelope is kept; without
 * SMTP the whole message stays here, the "dev outbox" the dev mailbox shows. Mail still to be sent
 * is not here: it waits in the outbox, as `mail.send` jobs (docs/reliability.md §4).
 */
export interface Mail {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId | null;
  /** What it is (e.g. `survey.invitation`), for the logs and support. */
  kind: string | null;
  to: string;
  subject: string;
  transport: 'smtp' | 'outbox';
  text: string | null;
  html: string | null;
  /** The Message-ID fixed when the message was queued: the same on every attempt. */
  messageId: string | null;
  createdAt: Date;
}

const mailSchema = new Schema<Mail>(
  {
    organizationId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, default: null },
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
// "Was this message accepted already?" before an attempt that follows a crash.
mailSchema.index({ messageId: 1 });

export const mailModel = modelOn<Mail>('Mail', mailSchema);
