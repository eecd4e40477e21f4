import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../../../lib/db/index.ts';
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

/** Counts one thing the receiver saw in the integration's current hour. */
export async function recordActivity(
  app: FastifyInstance,
  integration: { _id: Types.ObjectId; organizationId: Types.ObjectId },
  kind: ActivityKind,
  at = new Date(),
): Promise<void> {
  const Activity = leverActivityModel(app.mongo);
  const hour = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  const filter = {
    _id: `${integration._id.toHexString()}:${hour.getTime()}`,
    organizationId: integration.organizationId,
  };
  const counts = {
    $inc: { [counterOf[kind]]: 1 },
    ...(kind === 'event' ? { $max: { lastEventAt: at } } : {}),
    ...(kind === 'ping' ? { $max: { lastPingAt: at } } : {}),
  };
  try {
    await Activity.updateOne(
      filter,
      { ...counts, $setOnInsert: { integrationId: integration._id, hour } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await Activity.updateOne(filter, counts);
  }
}

export interface ActivitySummary {
  lastEventAt: Date | null;
  lastPingAt: Date | null;
  failedSignatures24h: number;
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
  const latest = (field: 'lastEventAt' | 'lastPingAt') =>
    buckets.reduce<Date | null>((max, b) => {
      const value = b[field];
      return value && (!max || value > max) ? value : max;
    }, null);
  const dayAgo = now - 24 * HOUR;
  return {
    lastEventAt: latest('lastEventAt'),
    lastPingAt: latest('lastPingAt'),
    // Whole hours: the bucket that began just under 24 hours ago counts entirely.
    failedSignatures24h: buckets
      .filter((b) => b.hour.getTime() + HOUR > dayAgo)
      .reduce((sum, b) => sum + b.signatureFailures, 0),
  };
}
