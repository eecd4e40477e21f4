import { Schema, type Types } from 'mongoose';
import { LEVER_WEBHOOK_EVENTS, type LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/** Buckets are kept 30 days (activity.ts reads no older ones). */
const KEEP_SECONDS = 30 * 24 * 3600;

/**
 * What the webhook receiver saw, per integration and hour (`_id` = `<integrationId>:<hour ms>`):
 * the tile's last event, last test ping and failed signature checks of the last 24 hours. Counted
 * with `$inc` (atomic on MongoDB and FerretDB 2 once the hour's document exists: it is created by an insert, not an upsert, see lib/db/update-creating-first.ts). One small document per hour, not counters on the
 * integration: they are written by every delivery, and the integration document is read by every
 * delivery and written by the token refresher. The TTL index on `hour` deletes buckets after 30 days.
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
  /** The same two moments per webhook event (the tile shows each event's webhook on its own). */
  byEvent?: Partial<Record<LeverWebhookEvent, { lastEventAt?: Date; lastPingAt?: Date }>>;
}

const eventMoments = new Schema(
  { lastEventAt: { type: Date }, lastPingAt: { type: Date } },
  { _id: false },
);

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
    byEvent: {
      type: new Schema(
        Object.fromEntries(LEVER_WEBHOOK_EVENTS.map((event) => [event, eventMoments])),
        { _id: false },
      ),
      default: undefined,
    },
  },
  { versionKey: false },
);
activitySchema.plugin(tenantScoped);
activitySchema.index({ integrationId: 1, hour: -1 });
activitySchema.index({ hour: 1 }, { expireAfterSeconds: KEEP_SECONDS });

export const leverActivityModel = modelOn<LeverActivity>('LeverActivity', activitySchema);
