import type { FastifyInstance } from 'fastify';
import type { LeverIntegration } from '../integration.model.ts';

/**
 * The URL Lever calls for this integration: `PUBLIC_URL/api/webhooks/lever/<publicId>`, and for a
 * webhook Eligo created, that URL followed by the webhook's own `hookKey`.
 */
export function webhookUrl(
  app: FastifyInstance,
  integration: Pick<LeverIntegration, 'publicId'>,
  hookKey: string | null = null,
) {
  const base = `${app.config.publicUrl}/api/webhooks/lever/${integration.publicId}`;
  return hookKey === null ? base : `${base}/${hookKey}`;
}
