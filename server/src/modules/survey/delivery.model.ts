import { Schema, type HydratedDocument, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

export type DeliveryKind = 'invitation' | 'person' | 'reminder' | 'resend';
export type DeliveryState = 'claimed' | 'queued' | 'sent' | 'reused' | 'failed';

/**
 * A claim on sending one email to an applicant (see delivery-claims.ts). `_id` is
 * `<key>#<attempt>`: whoever inserts it queues the email, everyone else sees it taken. `queued`:
 * the email is in the outbox; `sent`: the mail server accepted it; `failed`: it was refused, or the
 * claimer died before queueing it. A claim that failed or whose lease ran out lets the next attempt
 * be claimed.
 */
export interface Delivery {
  _id: string;
  organizationId: Types.ObjectId;
  key: string;
  attempt: number;
  kind: DeliveryKind;
  applicantId: Types.ObjectId;
  state: DeliveryState;
  claimedAt: Date;
  doneAt: Date | null;
  /** Why sending failed (a message, never the email's content). */
  error: string | null;
}
export type DeliveryDocument = HydratedDocument<Delivery>;

const deliverySchema = new Schema<Delivery>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    attempt: { type: Number, required: true },
    kind: { type: String, enum: ['invitation', 'person', 'reminder', 'resend'], required: true },
    applicantId: { type: Schema.Types.ObjectId, required: true },
    state: {
      type: String,
      enum: ['claimed', 'queued', 'sent', 'reused', 'failed'],
      required: true,
    },
    claimedAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
    error: { type: String, default: null },
  },
  { collection: 'applicant_deliveries', versionKey: false },
);
deliverySchema.plugin(tenantScoped);
deliverySchema.index({ organizationId: 1, key: 1, attempt: -1 });
// The sweep for claims whose claimer died (delivery-claims.ts).
deliverySchema.index({ state: 1, claimedAt: 1 });

export const deliveryModel = modelOn<Delivery>('ApplicantDelivery', deliverySchema);
