import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/**
 * An OAuth `state` we sent to Lever: only its SHA-256 (`_id`), bound to the admin and the session
 * that started the flow. Used once (a unique claim in LeverLease), expires after 10 minutes:
 * refused from then on (oauth.ts checks `expiresAt`), deleted by the TTL index soon after.
 */
export interface LeverOAuthState {
  _id: string;
  organizationId: Types.ObjectId;
  userId: Types.ObjectId;
  sessionHash: string;
  expiresAt: Date;
}

const oauthStateSchema = new Schema<LeverOAuthState>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    sessionHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
oauthStateSchema.plugin(tenantScoped);
oauthStateSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const leverOAuthStateModel = modelOn<LeverOAuthState>('LeverOAuthState', oauthStateSchema);
