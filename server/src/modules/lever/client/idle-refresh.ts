import type { FastifyInstance } from 'fastify';
import { leverIntegrationModel } from '../integration.model.ts';

/**
 * Refreshes every connected integration whose last refresh is older than LEVER_IDLE_REFRESH_DAYS:
 * Lever drops a refresh token after 90 days without use, so quiet accounts would die otherwise.
 * A periodic task; returns how many integrations were due.
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
