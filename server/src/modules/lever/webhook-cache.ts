import type { FastifyInstance } from 'fastify';
import type { LeverIntegrationDocument } from './integration.model.ts';
import { perAppTtlCache } from './per-app.ts';

/** An integration and its decrypted signature tokens, as the receiver last read them. */
export interface CachedWebhook {
  integration: LeverIntegrationDocument;
  tokens: string[];
}

/** How long an instance reuses what it read for a webhook URL (per instance, not shared). */
const WEBHOOK_CACHE_MS = 5_000;

/** What this instance read for each webhook URL (`publicId`) in the last WEBHOOK_CACHE_MS. */
export const webhookCache = (app: FastifyInstance) =>
  perAppTtlCache<CachedWebhook>(app, 'lever-webhook-cache', WEBHOOK_CACHE_MS);

/**
 * Forgets what this instance read for the integration's webhook URL: called when its signature
 * tokens change or it is deleted, so that here the old token stops verifying at once (other
 * instances follow within WEBHOOK_CACHE_MS).
 */
export function forgetWebhook(app: FastifyInstance, integration: { publicId: string }) {
  webhookCache(app).delete(integration.publicId);
}
