import type { FastifyInstance } from 'fastify';
import { leverActivityModel } from './activity.model.ts';
import { pruneActivity } from './activity.ts';
import { leverHealthModel } from './health.model.ts';
import { leverInboxModel } from './inbox.model.ts';
import { leverLeaseModel } from './lease.model.ts';
import { leverOAuthStateModel } from './oauth-state.model.ts';
import { leverRateSlotModel } from './rate-slot.model.ts';
import { leverWebhookSecretModel } from './webhook-secret.model.ts';
import { checkAllHealth } from './health.ts';
import integrationsModule from './integrations.routes.ts';
import { leverIntegrationModel } from './integration.model.ts';
import { pruneLeases } from './lease.ts';
import { leverClient } from './lever.client.ts';
import { pruneOAuthStates } from './oauth.ts';
import { tokenStore } from './token-store.ts';
import webhookModule from './webhook.routes.ts';

const LEVER_MODELS = [
  leverIntegrationModel,
  leverWebhookSecretModel,
  leverHealthModel,
  leverActivityModel,
  leverInboxModel,
  leverLeaseModel,
  leverRateSlotModel,
  leverOAuthStateModel,
];

/**
 * Refreshes every connected integration whose last refresh is older than LEVER_IDLE_REFRESH_DAYS:
 * Lever drops a refresh token after 90 days without use, so quiet accounts would die otherwise.
 */
export async function refreshIdleIntegrations(app: FastifyInstance, now = Date.now()) {
  const due = await leverIntegrationModel(app.mongo).find(
    {
      status: 'connected',
      lastRefreshAt: { $lt: new Date(now - app.config.leverSettings.idleRefreshMs) },
    },
    null,
    { skipTenant: true },
  );
  for (const integration of due) {
    await tokenStore(app)
      .refreshNow(integration._id)
      .catch((error: unknown) =>
        app.log.warn({ err: error, integrationId: integration._id }, 'Idle refresh failed'),
      );
  }
  return due.length;
}

/** Lever: the ATS Integrations API, the OAuth flow, the webhook receiver and their periodic tasks. */
export default async function leverModule(app: FastifyInstance): Promise<void> {
  // Registered now so that boot creates (and checks) their collections and indexes.
  for (const model of LEVER_MODELS) model(app.mongo);
  await app.register(integrationsModule);
  await app.register(webhookModule);

  if (!app.config.lever) return;
  const { healthCheckIntervalMs } = app.config.leverSettings;
  app.scheduler.every('lever-health-checks', healthCheckIntervalMs, () => checkAllHealth(app));
  app.scheduler.every('lever-idle-refresh', 60 * 60_000, () => refreshIdleIntegrations(app));
  app.scheduler.every('lever-housekeeping', 60_000, async () => ({
    rateSlots: await leverClient(app).budget.prune(),
    leases: await pruneLeases(app.mongo),
    oauthStates: await pruneOAuthStates(app),
    activity: await pruneActivity(app),
  }));
}
