import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/**
 * A webhook Lever calls us through, with its signature token (encrypted). Rows are only inserted
 * and deleted (never updated): regenerating inserts the new one and deletes the old one, so the
 * receiver accepts exactly the tokens of the rows that exist at that moment, on every instance.
 */
export interface LeverWebhookSecret {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  integrationId: Types.ObjectId;
  /** `api`: created by Eligo (Eligo may delete it); `manual`: created by an admin in Lever. */
  mode: 'api' | 'manual';
  /** Lever's webhook id (API-created webhooks only). */
  leverWebhookId: string | null;
  signatureToken: string;
  createdAt: Date;
}

const webhookSecretSchema = new Schema<LeverWebhookSecret>(
  {
    integrationId: { type: Schema.Types.ObjectId, required: true },
    mode: { type: String, enum: ['api', 'manual'], required: true },
    leverWebhookId: { type: String, default: null },
    signatureToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
webhookSecretSchema.plugin(tenantScoped);
webhookSecretSchema.index({ integrationId: 1 });

export const leverWebhookSecretModel = modelOn<LeverWebhookSecret>(
  'LeverWebhookSecret',
  webhookSecretSchema,
);

export const signatureTokenPlace = (id: Types.ObjectId) => ({
  collection: 'leverwebhooksecrets',
  field: 'signatureToken',
  documentId: id,
});
