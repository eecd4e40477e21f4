import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { LEVER_WEBHOOK_EVENTS, type LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { updateCreatingFirst } from '../../../lib/db/index.ts';
import { leverActivityModel } from './activity.model.ts';

const HOUR = 3_600_000;
/** How long buckets are kept (the TTL index on `hour`, activity.model.ts). */
export const ACTIVITY_KEEP_MS = 30 * 24 * HOUR;

export type ActivityKind = 'event' | 'ping' | 'ignored' | 'signatureFailure';

const counterOf: Record<ActivityKind, string> = {
  event: 'events',
  ping: 'pings',
  ignored: 'ignored',
  signatureFailure: 'signatureFailures',
};

/**
 * Counts one thing the receiver saw (or `count` of them) in the integration's current hour;
 * `event` is the webhook it came through (an event or a ping), for the tile's per-event moments.
 */
export async function recordActivity(
  app: FastifyInstance,
  integration: { _id: Types.ObjectId; organizationId: Types.ObjectId },
  kind: ActivityKind,
  event: LeverWebhookEvent | null = null,
  at = new Date(),
  count = 1,
): Promise<void> {
  const Activity = leverActivityModel(app.mongo);
  const hour = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  const filter = {
    _id: `${integration._id.toHexString()}:${hour.getTime()}`,
    organizationId: integration.organizationId,
  };
  const moment = kind === 'event' ? 'lastEventAt' : kind === 'ping' ? 'lastPingAt' : null;
  const counts = {
    $inc: { [counterOf[kind]]: count },
    ...(moment
      ? { $max: { [moment]: at, ...(event ? { [`byEvent.${event}.${moment}`]: at } : {}) } }
      : {}),
  };
  // The hour's bucket is created by its first count, not by an upsert (`updateCreatingFirst`).
  await updateCreatingFirst(Activity, filter, counts, () => ({
    integrationId: integration._id,
    hour,
  }));
}

interface Moments {
  lastEventAt: Date | null;
  lastPingAt: Date | null;
}

export interface ActivitySummary extends Moments {
  failedSignatures24h: number;
  byEvent: Record<LeverWebhookEvent, Moments>;
}

/**
 * What the tile shows about deliveries in the last 30 days. Older buckets are left out here: the
 * TTL index deletes them only about a minute after they expire.
 */
export async function activitySummary(
  app: FastifyInstance,
  integration: { _id: Types.ObjectId; organizationId: Types.ObjectId },
  now = Date.now(),
): Promise<ActivitySummary> {
  const buckets = await leverActivityModel(app.mongo)
    .find({
      organizationId: integration.organizationId,
      integrationId: integration._id,
      hour: { $gte: new Date(now - ACTIVITY_KEEP_MS) },
    })
    .sort({ hour: -1 });
  const latest = (field: 'lastEventAt' | 'lastPingAt', event?: LeverWebhookEvent) =>
    buckets.reduce<Date | null>((max, b) => {
      // Hours counted before hires had no `byEvent`: everything then was Application created.
      const legacy = event === 'applicationCreated' && !b.byEvent ? b[field] : undefined;
      const value = event ? (b.byEvent?.[event]?.[field] ?? legacy) : b[field];
      return value && (!max || value > max) ? value : max;
    }, null);
  const dayAgo = now - 24 * HOUR;
  return {
    lastEventAt: latest('lastEventAt'),
    lastPingAt: latest('lastPingAt'),
    byEvent: Object.fromEntries(
      LEVER_WEBHOOK_EVENTS.map((event) => [
        event,
        { lastEventAt: latest('lastEventAt', event), lastPingAt: latest('lastPingAt', event) },
      ]),
    ) as Record<LeverWebhookEvent, Moments>,
    // Whole hours: the bucket that began just under 24 hours ago counts entirely.
    failedSignatures24h: buckets
      .filter((b) => b.hour.getTime() + HOUR > dayAgo)
      .reduce((sum, b) => sum + b.signatureFailures, 0),
  };
}
