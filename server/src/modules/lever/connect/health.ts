import type { FastifyInstance } from 'fastify';
import { isDuplicateKeyError } from '../../../lib/db/index.ts';
import { LeverApiError, LeverDisconnectedError } from '../client/lever.errors.ts';
import { leverHealthModel, type LeverHealth } from './health.model.ts';
import { leverIntegrationModel, type LeverIntegrationDocument } from '../integration.model.ts';
import { leverWebhookSecretModel } from '../webhooks/webhook-secret.model.ts';
import { webhookUrl } from '../webhooks/webhook-url.ts';

type HealthFields = Partial<Omit<LeverHealth, '_id' | 'organizationId'>>;

/** Writes the integration's health document (created on first use). */
export async function recordHealth(
  app: FastifyInstance,
  integration: Pick<LeverIntegrationDocument, '_id' | 'organizationId'>,
  fields: HealthFields,
): Promise<void> {
  const Health = leverHealthModel(app.mongo);
  const filter = { _id: integration._id, organizationId: integration.organizationId };
  const update =
    'attemptedAt' in fields
      ? { $set: fields }
      : { $set: fields, $setOnInsert: { attemptedAt: new Date() } };
  try {
    await Health.updateOne(filter, update, { upsert: true });
  } catch (error) {
    // Two first writes at once: one inserted, the other updates it.
    if (!isDuplicateKeyError(error)) throw error;
    await Health.updateOne(filter, { $set: fields });
  }
}

/** We just created our webhook in Lever: it is there. */
export function recordWebhookFound(
  app: FastifyInstance,
  integration: Pick<LeverIntegrationDocument, '_id' | 'organizationId'>,
): Promise<void> {
  const now = new Date();
  return recordHealth(app, integration, {
    attemptedAt: now,
    checkedAt: now,
    webhookFound: true,
    lastCheckFailed: false,
    problem: null,
  });
}

/**
 * Looks for our webhook in Lever's list. API-created webhooks are found by id (Lever lists them
 * whether its list shows the whole account or only this app's); a manual one by URL, and when it
 * is not listed the answer is "unknown" (Lever may list only this app's webhooks). Lever busy or
 * unreachable (429/5xx/network) → the last known answer stays, marked as not refreshed.
 */
export async function checkHealth(
  app: FastifyInstance,
  integration: LeverIntegrationDocument,
): Promise<void> {
  if (integration.status === 'disconnected') return;
  const now = new Date();
  await recordHealth(app, integration, { attemptedAt: now });
  const secrets = await leverWebhookSecretModel(app.mongo).find({
    organizationId: integration.organizationId,
    integrationId: integration._id,
  });
  let listed;
  try {
    listed = await app.lever.client(integration._id).listWebhooks();
  } catch (error) {
    if (error instanceof LeverDisconnectedError) return;
    if (error instanceof LeverApiError && error.retryable) {
      await recordHealth(app, integration, { lastCheckFailed: true });
      return;
    }
    if (error instanceof LeverApiError) {
      await recordHealth(app, integration, {
        lastCheckFailed: false,
        problem: `Lever refused to list webhooks (HTTP ${error.status}${error.leverMessage ? `: ${error.leverMessage}` : ''}).`,
      });
      return;
    }
    throw error;
  }
  const api = secrets.filter((s) => s.mode === 'api');
  const url = webhookUrl(app, integration);
  let found: boolean | null;
  if (api.length > 0) found = api.some((s) => listed.some((w) => w.id === s.leverWebhookId));
  else if (secrets.length > 0)
    found = listed.some((w) => w.url === url && w.event === 'applicationCreated') ? true : null;
  else found = false;
  await recordHealth(app, integration, {
    checkedAt: now,
    webhookFound: found,
    lastCheckFailed: false,
    problem: null,
  });
}

/**
 * The screen's check: at most once a minute per integration, and never longer than `waitMs`.
 * Returns whether a check was made (the integration may have changed: e.g. found Disconnected).
 */
export async function checkHealthIfDue(
  app: FastifyInstance,
  integration: LeverIntegrationDocument,
  waitMs = 5_000,
): Promise<boolean> {
  const health = await leverHealthModel(app.mongo).findOne({
    _id: integration._id,
    organizationId: integration.organizationId,
  });
  if (health && Date.now() - health.attemptedAt.getTime() < 60_000) return false;
  let timer: NodeJS.Timeout | undefined;
  const check = checkHealth(app, integration).catch((error: unknown) =>
    app.log.warn({ err: error, integrationId: integration._id }, 'Lever health check failed'),
  );
  await Promise.race([
    check,
    new Promise((resolve) => {
      timer = setTimeout(resolve, waitMs);
    }),
  ]);
  clearTimeout(timer);
  return true;
}

/** Periodic task: every connected integration whose last attempt is older than half the interval. */
export async function checkAllHealth(app: FastifyInstance): Promise<number> {
  const integrations = await leverIntegrationModel(app.mongo).find({ status: 'connected' }, null, {
    skipTenant: true,
  });
  const since = Date.now() - app.config.leverSettings.healthCheckIntervalMs / 2;
  let checked = 0;
  for (const integration of integrations) {
    const health = await leverHealthModel(app.mongo).findOne({
      _id: integration._id,
      organizationId: integration.organizationId,
    });
    if (health && health.attemptedAt.getTime() > since) continue;
    await checkHealth(app, integration).catch((error: unknown) =>
      app.log.warn({ err: error, integrationId: integration._id }, 'Lever health check failed'),
    );
    checked += 1;
  }
  return checked;
}
