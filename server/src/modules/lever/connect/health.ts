import type { FastifyInstance } from 'fastify';
import { LEVER_WEBHOOK_EVENTS } from '@eligo/shared/schemas/lever-tile';
import { LeverApiError, LeverDisconnectedError } from '../client/lever.errors.ts';
import type { LeverWebhook } from '../client/lever.types.ts';
import { leverHealthModel } from './health.model.ts';
import { recordHealth, type HealthFields } from './health-record.ts';
import { leverIntegrationModel, type LeverIntegrationDocument } from '../integration.model.ts';
import type { LeverWebhookSecret } from '../webhooks/webhook-secret.model.ts';
import { webhookSecrets } from '../webhooks/webhook-secrets.ts';
import { webhookUrl } from '../webhooks/webhook-url.ts';
import { ensureEventWebhooks } from './webhook-setup.ts';

/**
 * Whether Lever still lists one event's webhook of ours. API-created webhooks are found by id
 * (Lever lists them whether its list shows the whole account or only this app's); a manual one by
 * URL and event, and when it is not listed the answer is "unknown" (Lever may list only this
 * app's webhooks). No webhook at all: missing.
 */
function foundIn(
  listed: LeverWebhook[],
  secrets: LeverWebhookSecret[],
  manualUrl: string,
  event: string,
): boolean | null {
  const api = secrets.filter((s) => s.mode === 'api');
  if (api.length > 0) return api.some((s) => listed.some((w) => w.id === s.leverWebhookId));
  if (secrets.length === 0) return false;
  return listed.some((w) => w.url === manualUrl && w.event === event) ? true : null;
}

/**
 * Looks for our webhooks in Lever's list (every page), one answer per event, then creates the
 * webhook of any event that has none (an integration connected before Candidate hired existed
 * gets it here). Lever busy or unreachable (429/5xx/network) → the last known answer stays,
 * marked as not refreshed.
 */
export async function checkHealth(
  app: FastifyInstance,
  integration: LeverIntegrationDocument,
): Promise<void> {
  if (integration.status === 'disconnected') return;
  const now = new Date();
  await recordHealth(app, integration, { attemptedAt: now });
  const secrets = await webhookSecrets(app, integration);
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
  const manualUrl = webhookUrl(app, integration);
  const fields: HealthFields = { checkedAt: now, lastCheckFailed: false, problem: null };
  for (const event of LEVER_WEBHOOK_EVENTS) {
    const found = foundIn(
      listed,
      secrets.filter((s) => s.event === event),
      manualUrl,
      event,
    );
    fields[`found.${event}`] = found;
    if (event === 'applicationCreated') fields.webhookFound = found;
  }
  await recordHealth(app, integration, fields);
  if (LEVER_WEBHOOK_EVENTS.some((event) => !secrets.some((s) => s.event === event))) {
    await ensureEventWebhooks(app, integration, { wait: false });
  }
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
