import type { FastifyInstance } from 'fastify';
import type { LeverIntegrationDocument } from '../integration.model.ts';

/** An integration and its decrypted signature tokens, as the receiver last read them. */
export interface CachedWebhook {
  integration: LeverIntegrationDocument;
  tokens: string[];
}

/**
 * How long an instance reuses what it read for a webhook URL (`app.lever.webhookCache`, keyed by
 * the URL's `publicId`; per instance, not shared).
 */
export const WEBHOOK_CACHE_MS = 5_000;

/**
 * Forgets what this instance read for the integration's webhook URL: called when its signature
 * tokens change or it is deleted, so that here the old token stops verifying at once (other
 * instances follow within WEBHOOK_CACHE_MS).
 */
export function forgetWebhook(app: FastifyInstance, integration: { publicId: string }) {
  app.lever.webhookCache.delete(integration.publicId);
}
