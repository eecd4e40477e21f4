import type { Types } from 'mongoose';
import { signedDelivery } from '../support/lever.ts';
import type { LoadTarget } from './load.ts';
import type { Stack } from './lever-stack.ts';

/**
 * The webhook ack under load (webhook-ingest.bench.ts, http-profile.ts): correctly signed
 * `applicationCreated` deliveries, each with a token and application never seen before, so every
 * one is verified and stored.
 */
export function webhookTarget(stack: Stack): LoadTarget & { headers: Record<string, string> } {
  const { signatureToken } = stack.webhook;
  return {
    url: stack.webhook.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks' },
    body: () => JSON.stringify(signedDelivery(signatureToken)),
  };
}

/** Pauses the integration's job group: deliveries still store their job, none of them runs. */
export async function pauseJobs(stack: Stack): Promise<void> {
  const integration = await stack.db.collection('leverintegrations').findOne({});
  if (!integration) throw new Error('the stack has no Lever integration');
  await stack.db
    .collection<{ _id: string; reason: string; pausedAt: Date }>('job_paused_groups')
    .insertOne({
      _id: (integration._id as Types.ObjectId).toHexString(),
      reason: 'bench: the ack measured alone',
      pausedAt: new Date(),
    });
}
