import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { ErrorCode } from '@eligo/shared/errors';
import { LEVER_WEBHOOK_EVENTS, type LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { AppError } from '../../../lib/app-error.ts';
import { LeverApiError, LeverDisconnectedError } from '../client/lever.errors.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { leverLeases } from '../lease.model.ts';
import { createApiWebhook, webhookSecrets } from '../webhooks/webhook-secrets.ts';
import { foundField, recordHealth } from './health-record.ts';

type Integration = Pick<LeverIntegrationDocument, '_id' | 'organizationId' | 'publicId'>;

const LEASE_MS = 60_000;
const WAIT_MS = 10_000;

/** Only one setter of an integration's webhooks at a time, on any instance. */
const leaseOf = (integrationId: Types.ObjectId) => `webhooks:${integrationId.toHexString()}`;

/**
 * Runs `work` holding the integration's webhook lease, so two instances (a health check and an
 * admin's click) never both create the webhook of one event. `wait: false` gives up at once
 * (returns null) when another holds it; otherwise waits up to 10 s, then answers 409.
 */
export async function withWebhookLease<T>(
  app: FastifyInstance,
  integrationId: Types.ObjectId,
  wait: boolean,
  work: () => Promise<T>,
): Promise<T | null> {
  const leases = leverLeases(app.mongo);
  const name = leaseOf(integrationId);
  const deadline = Date.now() + WAIT_MS;
  while (!(await leases.acquire(name, LEASE_MS))) {
    if (!wait) return null;
    if (Date.now() > deadline) {
      throw new AppError(
        ErrorCode.Conflict,
        "Eligo is already changing this integration's webhooks; try again in a minute.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 100));
  }
  try {
    return await work();
  } finally {
    await leases.release(name).catch(() => undefined);
  }
}

/**
 * Lever refused to create a webhook because the app may not: its Webhooks Subscription API is
 * enabled per partner app (lever-api.md §5.7), and a 403 on `POST /webhooks` is how a grant that
 * holds `webhooks:write:admin` learns it is not.
 */
export const isWebhooksApiRefusal = (error: unknown): error is LeverApiError =>
  error instanceof LeverApiError && error.status === 403;

export type CreateOutcome = 'created' | 'refused' | 'failed';

/**
 * Creates our webhook for `event` and records what happened on the tile's health: found, or the
 * refusal in Lever's words. Never throws for Lever's answer (the caller says what it means).
 */
export async function createEventWebhook(
  app: FastifyInstance,
  integration: Integration,
  event: LeverWebhookEvent,
): Promise<{ outcome: CreateOutcome; error?: unknown }> {
  try {
    await createApiWebhook(app, integration, event);
  } catch (error) {
    if (error instanceof LeverDisconnectedError) return { outcome: 'failed', error };
    if (isWebhooksApiRefusal(error)) {
      await recordHealth(app, integration, {
        ...foundField(event, false),
        createRefused: error.leverMessage ?? `HTTP ${error.status}`,
      });
      return { outcome: 'refused', error };
    }
    app.log.warn(
      { err: error, integrationId: integration._id, event },
      'Creating a Lever webhook failed',
    );
    return { outcome: 'failed', error };
  }
  const now = new Date();
  await recordHealth(app, integration, {
    ...foundField(event, true),
    createRefused: null,
    ...(event === 'applicationCreated' ? { webhookFound: true } : {}),
    checkedAt: now,
  });
  return { outcome: 'created' };
}

/**
 * Creates the webhook of every event that has none yet: at connect, at Reconnect, and at each
 * health check (so integrations connected before an event was added get its webhook). Skipped when
 * another instance is setting webhooks up right now (`wait: false`). Returns each event's outcome
 * (`present`: it had one).
 */
export async function ensureEventWebhooks(
  app: FastifyInstance,
  integration: Integration,
  options: { wait: boolean },
): Promise<Partial<Record<LeverWebhookEvent, CreateOutcome | 'present'>>> {
  const outcomes =
    (await withWebhookLease(app, integration._id, options.wait, async () => {
      const result: Partial<Record<LeverWebhookEvent, CreateOutcome | 'present'>> = {};
      for (const event of LEVER_WEBHOOK_EVENTS) {
        if ((await webhookSecrets(app, integration, event)).length > 0) {
          result[event] = 'present';
          continue;
        }
        result[event] = (await createEventWebhook(app, integration, event)).outcome;
      }
      return result;
    })) ?? {};
  return outcomes;
}
