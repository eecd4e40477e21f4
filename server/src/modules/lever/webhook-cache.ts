import type { FastifyInstance } from 'fastify';
import type { LeverIntegrationDocument } from './integration.model.ts';
import { perApp } from './per-app.ts';

/** An integration and its decrypted signature tokens, as the receiver last read them. */
export interface CachedWebhook {
  integration: LeverIntegrationDocument;
  tokens: string[];
  until: number;
}

/** How long an instance reuses what it read for a webhook URL (per instance, not shared). */
export const WEBHOOK_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

const cacheOf = (app: FastifyInstance) =>
  perApp(app, 'lever-webhook-cache', () => new Map<string, CachedWebhook>());

export function cachedWebhook(app: FastifyInstance, publicId: string): CachedWebhook | null {
  const entry = cacheOf(app).get(publicId);
  return entry && entry.until > Date.now() ? entry : null;
}

export function rememberWebhook(app: FastifyInstance, publicId: string, entry: CachedWebhook) {
  const cache = cacheOf(app);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(publicId, entry);
}

/**
 * Forgets what this instance read for the integration's webhook URL: called when its signature
 * tokens change or it is deleted, so that here the old token stops verifying at once (other
 * instances follow within WEBHOOK_CACHE_MS).
 */
export function forgetWebhook(app: FastifyInstance, integration: { publicId: string }) {
  cacheOf(app).delete(integration.publicId);
}
