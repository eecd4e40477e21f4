import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/**
 * Verified `applicationCreated` and `candidateHired` deliveries waiting to be processed (the inbox
 * contract is in this room's README). `_id` is the event's meaning — integration, event, application (or
 * opportunity) and `triggeredAt` — so Lever's retries and duplicates land on one row whatever
 * their delivery token; the unique `deliveryToken` index refuses a captured token replayed with
 * other data (the signature covers only the token and `triggeredAt`).
 */
export type InboxStatus = 'received' | 'held' | 'processed' | 'failed';

export interface LeverInboxItem {
  _id: string;
  organizationId: Types.ObjectId;
  integrationId: Types.ObjectId;
  event: string;
  /** Null only on a `failed` row: the delivery named no opportunity (nothing to process). */
  opportunityId: string | null;
  applicationId: string | null;
  contactId: string | null;
  triggeredAt: Date;
  receivedAt: Date;
  deliveryToken: string;
  /** The request body exactly as Lever sent it (not parsed: FerretDB refuses some JSON keys). */
  rawBody: string;
  /**
   * `received`: ready to process; `held`: arrived while Disconnected, released on Reconnect;
   * `processed`: the applicant exists (and was invited), or the hire was handled; `failed`: the
   * delivery named no opportunity, or Lever refused to give it to us (deleted, confidential…),
   * `failure` says why.
   */
  status: InboxStatus;
  applicantId?: Types.ObjectId | null;
  processedAt?: Date | null;
  failure?: string | null;
}

const inboxSchema = new Schema<LeverInboxItem>(
  {
    _id: { type: String, required: true },
    integrationId: { type: Schema.Types.ObjectId, required: true },
    event: { type: String, required: true },
    opportunityId: { type: String, default: null },
    applicationId: { type: String, default: null },
    contactId: { type: String, default: null },
    triggeredAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    deliveryToken: { type: String, required: true },
    rawBody: { type: String, required: true },
    status: {
      type: String,
      enum: ['received', 'held', 'processed', 'failed'],
      required: true,
    },
    applicantId: { type: Schema.Types.ObjectId, default: null },
    processedAt: { type: Date, default: null },
    failure: { type: String, default: null },
  },
  { versionKey: false },
);
inboxSchema.plugin(tenantScoped);
inboxSchema.index({ deliveryToken: 1 }, { unique: true });
inboxSchema.index({ status: 1, receivedAt: 1 });
inboxSchema.index({ integrationId: 1, status: 1 });
// The hire job settles every row of its opportunity, and looks for an application still pending.
inboxSchema.index({ integrationId: 1, opportunityId: 1, event: 1 });

export const leverInboxModel = modelOn<LeverInboxItem>('LeverInboxItem', inboxSchema);

/** The inbox row's id: the same event always maps to the same id. */
export function inboxKey(
  integrationId: Types.ObjectId,
  event: string,
  subjectId: string,
  triggeredAt: number,
): string {
  return `${integrationId.toHexString()}:${event}:${subjectId}:${triggeredAt}`;
}
