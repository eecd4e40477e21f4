import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ttlCache, type TtlCache } from '../../lib/ttl-cache.ts';
import { leverActivityModel } from './activity.model.ts';
import { pruneActivity } from './activity.ts';
import { leverHealthModel } from './health.model.ts';
import { leverInboxModel } from './inbox.model.ts';
import { leverLeaseModel, leverLeases } from './lease.model.ts';
import { leverOAuthStateModel } from './oauth-state.model.ts';
import { leverRateSlotModel } from './rate-slot.model.ts';
import { leverWebhookSecretModel } from './webhook-secret.model.ts';
import { checkAllHealth } from './health.ts';
import integrationsModule from './integrations.routes.ts';
import { leverIntegrationModel } from './integration.model.ts';
import { leverClient, type LeverClientFactory } from './lever.client.ts';
import { pruneOAuthStates } from './oauth.ts';
import { rateBudget, type RateBudget } from './rate-budget.ts';
import {
  leverStatusEvents,
  type LeverStatusChange,
  type LeverStatusListener,
} from './status-events.ts';
import { tokenStore, type TokenStore } from './token-store.ts';
import { WEBHOOK_CACHE_MS, type CachedWebhook } from './webhook-cache.ts';
import webhookModule from './webhook.routes.ts';

/** What every part of the app (and the tests) use of Lever, one per application instance. */
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
  leverWebhookSecretModel,
  leverHealthModel,
  leverActivityModel,
  leverInboxModel,
  leverLeaseModel,
  leverRateSlotModel,
  leverOAuthStateModel,
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
    await app.lever.tokens
      .refreshNow(integration._id)
      .catch((error: unknown) =>
        app.log.warn({ err: error, integrationId: integration._id }, 'Idle refresh failed'),
      );
  }
  return due.length;
}

/**
 * Lever: the ATS Integrations API, the OAuth flow, the webhook receiver and their periodic tasks.
 * A fastify-plugin, so that `app.lever` is one object for the whole application instance (the jobs
 * and every module's routes see the same client, token refresher and status listeners).
 */
export default fp(
  async function leverModule(app: FastifyInstance): Promise<void> {
    app.decorate('lever', createLever(app));
    // Registered now so that boot creates (and checks) their collections and indexes.
    for (const model of LEVER_MODELS) model(app.mongo);
    await app.register(integrationsModule);
    await app.register(webhookModule);

    if (!app.config.lever) return;
    const { healthCheckIntervalMs } = app.config.leverSettings;
    app.scheduler.every('lever-health-checks', healthCheckIntervalMs, () => checkAllHealth(app));
    app.scheduler.every('lever-idle-refresh', 60 * 60_000, () => refreshIdleIntegrations(app));
    app.scheduler.every('lever-housekeeping', 60_000, async () => ({
      rateSlots: await app.lever.budget.prune(),
      leases: await leverLeases(app.mongo).prune(),
      oauthStates: await pruneOAuthStates(app),
      activity: await pruneActivity(app),
    }));
  },
  { name: 'lever', dependencies: ['config', 'mongo', 'crypto', 'scheduler', 'auth'] },
);
