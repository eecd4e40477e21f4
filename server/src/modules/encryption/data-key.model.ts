import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../lib/model.ts';

/**
 * An organization's data-encryption key (DEK), wrapped by the key-encryption key from the
 * environment (docs/reliability.md §1). One row per (organization, version); version 1 is created on
 * first use by a unique insert, so concurrent first uses agree on one key.
 */
export interface DataKey {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  version: number;
  /** `v1:<kekVersion>:…` — the DEK encrypted with the KEK, bound to organization and version. */
  wrappedKey: string;
  createdAt: Date;
}

const dataKeySchema = new Schema<DataKey>(
  {
    version: { type: Number, required: true, min: 1 },
    wrappedKey: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false, collection: 'data_keys' },
);
dataKeySchema.plugin(tenantScoped);
dataKeySchema.index({ organizationId: 1, version: 1 }, { unique: true });

export const dataKeyModel = modelOn<DataKey>('DataKey', dataKeySchema);
