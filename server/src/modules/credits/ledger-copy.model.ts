import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * The last computed ledger of one tax year of one organization (docs/credits.md §10), with the key
 * of everything it was computed from. `_id` is `<organization>:<tax year>`; `ledger` is the
 * response's JSON, as a string (one value to read back, not 10,000 sub-documents).
 */
export interface LedgerCopy {
  _id: string;
  organizationId: Types.ObjectId;
  key: string;
  ledger: string;
  /** Wall-clock time of the computation: copies older than a day are deleted by the database. */
  computedAt: Date;
}

const ledgerCopySchema = new Schema<LedgerCopy>(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    ledger: { type: String, required: true },
    computedAt: { type: Date, required: true },
  },
  { collection: 'credit_ledger_copies', versionKey: false },
);
ledgerCopySchema.index({ computedAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });
ledgerCopySchema.plugin(tenantScoped);

export const ledgerCopyModel = modelOn<LedgerCopy>('LedgerCopy', ledgerCopySchema);
