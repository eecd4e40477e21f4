import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/**
 * What the webhook receiver saw, per integration and hour (`_id` = `<integrationId>:<hour ms>`):
 * the tile's last event, last test ping and failed signature checks of the last 24 hours. Counted
 * with `$inc` (on FerretDB v1 two simultaneous increments can lose one: good enough for a display).
 * Buckets older than 30 days are deleted by a periodic task.
 */
export interface LeverActivity {
  _id: string;
  organizationId: Types.ObjectId;
  integrationId: Types.ObjectId;
  hour: Date;
  events: number;
  pings: number;
  ignored: number;
  signatureFailures: number;
  lastEventAt: Date | null;
  lastPingAt: Date | null;
}

const activitySchema = new Schema<LeverActivity>(
  {
    _id: { type: String, required: true },
    integrationId: { type: Schema.Types.ObjectId, required: true },
    hour: { type: Date, required: true },
    events: { type: Number, default: 0 },
    pings: { type: Number, default: 0 },
    ignored: { type: Number, default: 0 },
    signatureFailures: { type: Number, default: 0 },
    lastEventAt: { type: Date, default: null },
    lastPingAt: { type: Date, default: null },
  },
  { versionKey: false },
);
activitySchema.plugin(tenantScoped);
activitySchema.index({ integrationId: 1, hour: -1 });
activitySchema.index({ hour: 1 });

export const leverActivityModel = modelOn<LeverActivity>('LeverActivity', activitySchema);
