import type { FastifyInstance } from 'fastify';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import type { VerifyingWebhook } from './webhook-secrets.ts';

/** An integration and its webhooks with their decrypted signature tokens, as last read. */
export interface CachedWebhook {
  integration: LeverIntegrationDocument;
  webhooks: VerifyingWebhook[];
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
