import { defineRoute } from '../route-table.ts';
import {
  integrationListSchema,
  integrationParamsSchema,
  leverCallbackQuerySchema,
  leverDeliverySchema,
  leverIntegrationSchema,
  manualWebhookBodySchema,
  webhookParamsSchema,
  webhookReceiptSchema,
} from '../schemas/integrations.ts';

/** The ATS Integrations screen (admins) and Lever's OAuth redirect back to us. */
export const integrationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/integrations',
    summary:
      "The organization's ATS integrations with their status (checks Lever at most once a minute)",
    access: 'admin',
    tags: ['integrations'],
    response: integrationListSchema,
  }),
  connectLever: defineRoute({
    method: 'GET',
    path: '/api/integrations/lever/connect',
    summary: "Redirects to Lever's authorize page (connect, or reconnect the existing integration)",
    access: 'admin',
    tags: ['integrations'],
    response: undefined,
    successStatus: 302,
  }),
  leverCallback: defineRoute({
    method: 'GET',
    path: '/api/integrations/lever/callback',
    summary: 'Lever redirects here after consent; redirects to the ATS Integrations screen',
    access: 'admin',
    tags: ['integrations'],
    query: leverCallbackQuerySchema,
    response: undefined,
    successStatus: 302,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/integrations/:integrationId',
    summary: 'Deletes the integration: its webhook in Lever and its tokens (applicants stay)',
    access: 'admin',
    tags: ['integrations'],
    params: integrationParamsSchema,
    response: undefined,
  }),
  regenerateSignatureToken: defineRoute({
    method: 'POST',
    path: '/api/integrations/:integrationId/webhook/regenerate',
    summary: 'Replaces the webhook Eligo created in Lever with a new one (new signature token)',
    access: 'admin',
    tags: ['integrations'],
    params: integrationParamsSchema,
    response: leverIntegrationSchema,
  }),
  setManualWebhook: defineRoute({
    method: 'PUT',
    path: '/api/integrations/:integrationId/webhook/manual',
    summary: 'Uses a webhook the admin created in Lever, with its signature token',
    access: 'admin',
    tags: ['integrations'],
    params: integrationParamsSchema,
    body: manualWebhookBodySchema,
    response: leverIntegrationSchema,
  }),
};

/** Lever's calls to us: public, proven by the delivery's signature (no session, no CSRF check). */
export const webhookRoutes = {
  lever: defineRoute({
    method: 'POST',
    path: '/api/webhooks/lever/:integrationId',
    summary: 'Lever webhook receiver (signature-checked; applications are queued, then processed)',
    access: 'public',
    tags: ['webhooks'],
    params: webhookParamsSchema,
    body: leverDeliverySchema,
    response: webhookReceiptSchema,
  }),
};
