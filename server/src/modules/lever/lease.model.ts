import { Schema } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

/**
 * Exclusive claims guarded by the unique `_id` (atomic on MongoDB and FerretDB alike):
 * `refresh:<integrationId>` while one instance refreshes that integration's tokens, and
 * `oauth-state:<hash>` once an OAuth state has been used. Expired ones are cleaned up periodically.
 */
export interface LeverLease {
  _id: string;
  holder: string;
  expiresAt: Date;
}

const leaseSchema = new Schema<LeverLease>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
leaseSchema.index({ expiresAt: 1 });

export const leverLeaseModel = modelOn<LeverLease>('LeverLease', leaseSchema);
