import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/**
 * Where an integration's reconcile stands (`leverreconciles`, `_id` = the integration's id): the
 * watermark (hires archived in Lever since then are looked at next) and what the last run did.
 * Written by the reconcile job and by whoever queues it; the tile reads it.
 */
export interface LeverReconcileState {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  watermark: Date | null;
  /** When a run was last queued (by the schedule or an admin). */
  requestedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The end of the last run that succeeded. */
  lastRunAt: Date | null;
  /** Hires the last successful run queued that no webhook had reported. */
  lastFound: number;
  lastError: string | null;
}

const reconcileSchema = new Schema<LeverReconcileState>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    watermark: { type: Date, default: null },
    requestedAt: { type: Date, default: null },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    lastRunAt: { type: Date, default: null },
    lastFound: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  { versionKey: false },
);
reconcileSchema.plugin(tenantScoped);

export const leverReconcileModel = modelOn<LeverReconcileState>('LeverReconcile', reconcileSchema);
