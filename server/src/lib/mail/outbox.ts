import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import type { JobKind } from '@eligo/shared/schemas/jobs';
import type { EncryptionPlace } from '../../plugins/crypto.ts';

/** The one job type of the outbox: one job per message to send. */
export const MAIL_JOB = 'mail.send';
/** Its admin-facing kind (dead counts and "Retry all"). */
export const MAIL_KIND: JobKind = 'mail';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Ids (as strings) that let a module's handlers find what the message was about. */
export type MailRef = Record<string, string>;

export interface EnqueueMailOptions {
  /** Whose mail it is: the message is encrypted under this organization's key. */
  organizationId: Types.ObjectId;
  /** What it is (`survey.invitation`, `user.invitation`…): picks the handlers of `app.mail.handle`. */
  kind: string;
  /** At most one message per (key) ever: queueing it again returns the first one. */
  key?: string;
  ref?: MailRef;
}

/**
 * What a module is told about its messages (all optional, all idempotent: a step may run again
 * after a crash).
 */
export interface MailHandlers {
  /**
   * Asked before every attempt: false → the message is dropped unsent (e.g. the survey link it
   * carries was replaced by a newer one since: sending it would deliver a dead link).
   */
  stillWanted?(ref: MailRef, organizationId: Types.ObjectId): Promise<boolean>;
  /** The SMTP server accepted it (or, without SMTP, it was kept in the dev outbox). */
  sent?(ref: MailRef, organizationId: Types.ObjectId, sentAt: Date): Promise<void>;
  /** The SMTP server refused it for good (a 5xx: no such mailbox, message refused). */
  rejected?(ref: MailRef, organizationId: Types.ObjectId, reason: string): Promise<void>;
}

/** The outbox row: a `mail.send` job's payload. The message itself is encrypted. */
export interface MailJobPayload {
  messageId: string;
  kind: string;
  ref: MailRef;
  /** `{ to, subject, text, html }`, encrypted under the organization's key, bound to messageId. */
  sealed: string;
}

export const sealedMailPlace = (messageId: string): EncryptionPlace => ({
  collection: 'jobs',
  field: 'payload.sealed',
  documentId: messageId,
});

/** A Message-ID in MAIL_FROM's domain, fixed when the message is queued. */
export function newMessageId(mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'eligo.local';
  return `<${randomUUID()}@${domain}>`;
}
