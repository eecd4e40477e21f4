import type { FastifyInstance } from 'fastify';
import type { LeverIntegration } from '../integration.model.ts';

/** The URL Lever calls for this integration: `PUBLIC_URL/api/webhooks/lever/<publicId>`. */
export function webhookUrl(app: FastifyInstance, integration: Pick<LeverIntegration, 'publicId'>) {
  return `${app.config.publicUrl}/api/webhooks/lever/${integration.publicId}`;
}
