import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../../lib/model.ts';

/**
 * One organization's daily filing digest for one day: `_id` is `<organizationId>:<YYYY-MM-DD>`, so
 * inserting it is the claim — of all instances running the sweep, exactly one inserts it (a unique
 * `_id`, atomic on MongoDB and FerretDB alike) and sends the emails. Kept 90 days (TTL).
 */
export interface FilingDigest {
  _id: string;
  organizationId: Types.ObjectId;
  /** The organization's day (its time zone) the digest is for. */
  day: string;
  claimedAt: Date;
  outcome: 'sending' | 'sent' | 'nothing_due' | 'failed';
  overdue: number;
  dueSoon: number;
  recipients: number;
  /** Recipients whose email could not be sent (logged with the error). */
  failed: number;
  finishedAt: Date | null;
  expiresAt: Date;
}

export const DIGEST_RETENTION_MS = 90 * 24 * 60 * 60_000;

const digestSchema = new Schema<FilingDigest>(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    outcome: {
      type: String,
      enum: ['sending', 'sent', 'nothing_due', 'failed'],
      required: true,
    },
    overdue: { type: Number, default: 0 },
    dueSoon: { type: Number, default: 0 },
    recipients: { type: Number, default: 0 },
    failed: { type: Number, default: 0 },
    finishedAt: { type: Date, default: null },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'filing_digests', versionKey: false },
);
digestSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const filingDigestModel = modelOn<FilingDigest>('FilingDigest', digestSchema);

export function digestId(organizationId: Types.ObjectId, day: string): string {
  return `${organizationId.toHexString()}:${day}`;
}
