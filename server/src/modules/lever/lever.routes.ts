import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ttlCache, type TtlCache } from '../../lib/ttl-cache.ts';
import { refreshIdleIntegrations } from './client/idle-refresh.ts';
import { leverClient, type LeverClientFactory } from './client/lever.client.ts';
import { rateBudget, type RateBudget } from './client/rate-budget.ts';
import { leverRateSlotModel } from './client/rate-slot.model.ts';
import {
  leverStatusEvents,
  type LeverStatusChange,
  type LeverStatusListener,
} from './client/status-events.ts';
import { tokenStore, type TokenStore } from './client/token-store.ts';
import { checkAllHealth } from './connect/health.ts';
import { grantWarningJob, warnExpiringGrants } from './connect/grant-warnings.ts';
import { LEVER_JOBS, type GrantWarningPayload } from './lever.jobs.ts';
import { leverHealthModel } from './connect/health.model.ts';
import integrationsRoutes from './connect/integrations.routes.ts';
import { leverOAuthStateModel } from './connect/oauth-state.model.ts';
import { leverIntegrationModel } from './integration.model.ts';
import { leverLeaseModel } from './lease.model.ts';
import { defineSyncJobs } from './sync/sync-jobs.ts';
import { syncTagOnStatusDecided } from './sync/tag-sync.ts';
import tagSyncRoutes from './sync/tag-sync.routes.ts';
import reconcileRoutes from './sync/reconcile.routes.ts';
import { leverActivityModel } from './webhooks/activity.model.ts';
import { leverInboxModel } from './webhooks/inbox.model.ts';
import { WEBHOOK_CACHE_MS, type CachedWebhook } from './webhooks/webhook-cache.ts';
import { leverWebhookSecretModel } from './webhooks/webhook-secret.model.ts';
import { leverReconcileModel } from './sync/reconcile.model.ts';
import webhookRoutes from './webhooks/webhook.routes.ts';

/** Lever for the rest of the app (and the tests): one per application instance. */
export interface Lever {
  /** Lever's Data API for one integration; no request needed (background jobs use it). */
  client: LeverClientFactory;
  /** Tokens at rest and the single-flight refresh. */
  tokens: TokenStore;
  /** The per-Lever-account request budget shared by all API instances. */
  budget: RateBudget;
  /** Connected ⇄ Disconnected changes; returns the function that unsubscribes. */
  onStatusChange(listener: LeverStatusListener): () => void;
  announceStatusChange(change: LeverStatusChange): Promise<void>;
  /** What this instance read for each webhook URL in the last few seconds (webhook-cache.ts). */
  webhookCache: TtlCache<CachedWebhook>;
}

declare module 'fastify' {
  interface FastifyInstance {
    lever: Lever;
  }
}

const LEVER_MODELS = [
  leverIntegrationModel,
  leverLeaseModel,
  leverRateSlotModel,
  leverHealthModel,
  leverOAuthStateModel,
  leverWebhookSecretModel,
  leverActivityModel,
  leverInboxModel,
  leverReconcileModel,
];

function createLever(app: FastifyInstance): Lever {
  const status = leverStatusEvents(app.log);
  const budget = rateBudget(app.mongo, {
    requestsPerSecond: app.config.leverSettings.apiRequestsPerSecond,
    burst: app.config.leverSettings.apiBurst,
  });
  const tokens = tokenStore(app, status.announce);
  return {
    client: leverClient(app, tokens, budget),
    tokens,
    budget,
    onStatusChange: status.on,
    announceStatusChange: status.announce,
    webhookCache: ttlCache<CachedWebhook>(WEBHOOK_CACHE_MS),
  };
}

/**
 * Lever, one plugin with rooms (README.md beside this file): `client/` calls Lever, `connect/` is
 * the ATS Integrations screen's API (OAuth, webhooks set-up, health), `webhooks/` receives Lever's
 * deliveries, `sync/` runs the jobs between Lever and the applicants. A fastify-plugin, so that
 * `app.lever` is one object for the whole application instance: every module's routes, the jobs
 * and the tests share one client, token refresher and set of status listeners.
 */
export default fp(
  async function leverModule(app: FastifyInstance): Promise<void> {
    app.decorate('lever', createLever(app));
    // Registered now so that boot creates (and checks) their collections and indexes.
    for (const model of LEVER_MODELS) model(app.mongo);
    await app.register(integrationsRoutes);
    await app.register(webhookRoutes);
    await app.register(tagSyncRoutes);
    await app.register(reconcileRoutes);
    defineSyncJobs(app);
    syncTagOnStatusDecided(app);
    app.jobs.define<GrantWarningPayload>(LEVER_JOBS.grantWarning, {
      handler: grantWarningJob(app),
      maxAttempts: 8,
      timeoutMs: 60_000,
    });

    if (!app.config.lever) return;
    const { healthCheckIntervalMs } = app.config.leverSettings;
    app.scheduler.every('lever-health-checks', healthCheckIntervalMs, () => checkAllHealth(app));
    app.scheduler.every('lever-idle-refresh', 60 * 60_000, () => refreshIdleIntegrations(app));
    app.scheduler.every('lever-grant-warnings', 60 * 60_000, () => warnExpiringGrants(app));
  },
  {
    name: 'lever',
    dependencies: ['config', 'mongo', 'crypto', 'scheduler', 'jobs', 'auth', 'applicants'],
  },
);
