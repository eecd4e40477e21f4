import { Schema, type Types } from 'mongoose';
import { LEVER_WEBHOOK_EVENTS, type LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
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
  /** The Lever event it delivers (rows older than hires are all `applicationCreated`). */
  event: LeverWebhookEvent;
  /**
   * The last segment of its own URL (`…/api/webhooks/lever/<publicId>/<hookKey>`): every webhook
   * Eligo creates gets a URL of its own, so a new one never duplicates the one it replaces.
   * Null for manual webhooks (and older API ones), which use the integration's URL.
   */
  hookKey: string | null;
  /** Lever's webhook id (API-created webhooks only). */
  leverWebhookId: string | null;
  signatureToken: string;
  createdAt: Date;
}

const webhookSecretSchema = new Schema<LeverWebhookSecret>(
  {
    integrationId: { type: Schema.Types.ObjectId, required: true },
    mode: { type: String, enum: ['api', 'manual'], required: true },
    event: { type: String, enum: LEVER_WEBHOOK_EVENTS, default: 'applicationCreated' },
    hookKey: { type: String, default: null },
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
