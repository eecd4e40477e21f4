import { Schema, type Types } from 'mongoose';
import { modelOn } from '../model.ts';
import { tenantScoped } from '../tenancy/tenant-scope.plugin.ts';

/**
 * The last computed value of a view derived from an organization's data (`derived-copy.ts`),
 * with the key of everything it was computed from. `_id` names the view and what it is of (e.g.
 * `credit-ledger:<organization>:2025`); `value` is its JSON, gzipped: one value to read back,
 * not 10,000 sub-documents (a ledger's 2.1 MB of JSON took FerretDB 25 ms to read as a string;
 * gzipped, it is a small fraction of that).
 */
export interface DerivedCopy {
  _id: string;
  organizationId: Types.ObjectId;
  key: string;
  value: Buffer;
  /** Wall-clock time of the computation: copies older than a day are deleted by the database. */
  computedAt: Date;
}

const derivedCopySchema = new Schema<DerivedCopy>(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    value: { type: Buffer, required: true },
    computedAt: { type: Date, required: true },
  },
  { collection: 'derived_copies', versionKey: false },
);
derivedCopySchema.index({ computedAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });
derivedCopySchema.plugin(tenantScoped);

export const derivedCopyModel = modelOn<DerivedCopy>('DerivedCopy', derivedCopySchema);
