import { defineRoute } from '../route-table.ts';
import {
  integrationListSchema,
  integrationParamsSchema,
  leverCallbackQuerySchema,
  leverDeliverySchema,
  leverIntegrationSchema,
  manualWebhookBodySchema,
  webhookHookParamsSchema,
  webhookParamsSchema,
  webhookReceiptSchema,
} from '../schemas/integrations.ts';
import { webhookEventQuerySchema } from '../schemas/lever-tile.ts';

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
    summary:
      "Replaces an event's webhook (?event=, default applicationCreated) with a new one Eligo creates in Lever (new URL, new signature token)",
    access: 'admin',
    tags: ['integrations'],
    params: integrationParamsSchema,
    query: webhookEventQuerySchema,
    response: leverIntegrationSchema,
  }),
  setManualWebhook: defineRoute({
    method: 'PUT',
    path: '/api/integrations/:integrationId/webhook/manual',
    summary:
      'Uses a webhook the admin created in Lever for an event (default applicationCreated), with its signature token',
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
  leverHook: defineRoute({
    method: 'POST',
    path: '/api/webhooks/lever/:integrationId/:hookKey',
    summary: 'Lever webhook receiver for a webhook Eligo created (its own URL; same checks)',
    access: 'public',
    tags: ['webhooks'],
    params: webhookHookParamsSchema,
    body: leverDeliverySchema,
    response: webhookReceiptSchema,
  }),
};
