import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../model.ts';

/**
 * An organization's data-encryption key (DEK), wrapped by a key-encryption key (KEK) from the
 * environment (docs/reliability.md §1). One row per (organization, version); version 1 is created on
 * first use by a unique insert, so concurrent first uses agree on one key. Rows are only ever
 * re-wrapped in place (same DEK, another KEK) by the rotation (`rotation.ts`).
 */
export interface DataKey {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  version: number;
  /** `v1:1:…` — the DEK encrypted with the KEK, bound to organization and version. */
  wrappedKey: string;
  /**
   * Id of the KEK that wraps it (`kekId()` in keyring.ts), written together with `wrappedKey`.
   * Absent on rows written before ids were recorded: those are wrapped by the only KEK there was.
   */
  kekId?: string;
  createdAt: Date;
}

const dataKeySchema = new Schema<DataKey>(
  {
    version: { type: Number, required: true, min: 1 },
    wrappedKey: { type: String, required: true },
    kekId: { type: String },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false, collection: 'data_keys' },
);
dataKeySchema.plugin(tenantScoped);
dataKeySchema.index({ organizationId: 1, version: 1 }, { unique: true });

export const dataKeyModel = modelOn<DataKey>('DataKey', dataKeySchema);
