import { Schema, type HydratedDocument, type Types } from 'mongoose';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../lib/model.ts';

export type ConnectionStatus = 'connected' | 'disconnected';

/**
 * One organization's connection to one Lever account. Written only at connect/reconnect and by
 * the token refresher while it holds the integration's lease (see token-store.ts): FerretDB v1
 * rewrites whole documents on update, so concurrent writers of other fields (webhook secrets,
 * health, activity) live in their own collections and never overwrite the tokens.
 */
export interface LeverIntegration {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** Random, unguessable id in the webhook URL (never the ObjectId). */
  publicId: string;
  /** From the access token's `https://oauth.lever.co/accountId` claim. */
  leverAccountId: string;
  leverUserId: string | null;
  scopes: string[];
  status: ConnectionStatus;
  connectedAt: Date;
  connectedBy: Types.ObjectId | null;
  /**
   * When Lever granted the current authorization (connect or the last Reconnect): its refresh
   * tokens die a year later whatever their use (lever-api.md §1.7). Absent on integrations
   * connected before it was kept: `connectedAt` stands in (never later than the real grant).
   */
  grantedAt?: Date | null;
  disconnectedAt: Date | null;
  disconnectReason: string | null;
  /** Encrypted (app.crypto, bound to this document and field). */
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  /** Incremented on every token change; a refresher saves only over the version it read. */
  tokenVersion: number;
  lastRefreshAt: Date;
  createdAt: Date;
  updatedAt: Date;
}
export type LeverIntegrationDocument = HydratedDocument<LeverIntegration>;

const integrationSchema = new Schema<LeverIntegration>(
  {
    publicId: { type: String, required: true },
    leverAccountId: { type: String, required: true },
    leverUserId: { type: String, default: null },
    scopes: { type: [String], default: [] },
    status: { type: String, enum: ['connected', 'disconnected'], required: true },
    connectedAt: { type: Date, required: true },
    connectedBy: { type: Schema.Types.ObjectId, default: null },
    grantedAt: { type: Date, default: null },
    disconnectedAt: { type: Date, default: null },
    disconnectReason: { type: String, default: null },
    accessToken: { type: String, required: true },
    refreshToken: { type: String, required: true },
    accessTokenExpiresAt: { type: Date, required: true },
    tokenVersion: { type: Number, required: true, default: 1 },
    lastRefreshAt: { type: Date, required: true },
  },
  { timestamps: true },
);
integrationSchema.plugin(tenantScoped);
// One Lever integration per organization (the tenant plugin's index, made unique), and one
// organization per Lever account.
integrationSchema.path('organizationId').unique(true);
integrationSchema.index({ leverAccountId: 1 }, { unique: true });
integrationSchema.index({ publicId: 1 }, { unique: true });

export const leverIntegrationModel = modelOn<LeverIntegration>(
  'LeverIntegration',
  integrationSchema,
);

export const INTEGRATIONS_COLLECTION = 'leverintegrations';

/** Encryption places (AAD) of the integration's tokens. */
export const tokenPlace = (id: Types.ObjectId, field: 'accessToken' | 'refreshToken') => ({
  collection: INTEGRATIONS_COLLECTION,
  field,
  documentId: id,
});
