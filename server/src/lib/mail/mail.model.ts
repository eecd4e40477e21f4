import { Schema, type Types } from 'mongoose';
import { modelOn } from '../model.ts';

/**
 * Every mail Eligo sends (the mail plugin writes it). With SMTP configured only the envelope is
 * kept (a record of what went out); without SMTP the whole message stays here, the "outbox", which
 * the dev mailbox shows.
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
