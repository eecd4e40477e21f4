import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { newHexToken } from '../ids.ts';
import { isKnownEvent } from '../state/store.ts';
import { DuplicateWebhookError, WebhookInputError, createWebhook } from '../webhooks/registry.ts';
import { field, fieldList } from './form-body.ts';
import { requireUser, settingsPage } from './guard.ts';
import { html } from './html.ts';
import { deliveryBody, webhooksBody } from './webhooks.page.ts';

const base = '/settings/integrations/webhooks';

/** Settings > Integrations and API > Webhooks. */
export function registerWebhookSettingsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { created?: string; regenerated?: string; error?: string } }>(
    base,
    { schema: { summary: 'Webhooks tab' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'super admin');
      if (!user) return reply;
      const error = request.query.error
        ? html`<p class="error" role="alert">${request.query.error}</p>`
        : '';
      return reply
        .type('text/html')
        .send(settingsPage('webhooks', html`${error}${webhooksBody(ctx, request.query)}`, user));
    },
  );

  app.post<{ Params: { event: string } }>(
    `${base}/groups/:event`,
    { schema: { summary: 'Toggle an event group' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      if (isKnownEvent(request.params.event)) {
        ctx.state.eventGroups.set(request.params.event, field(request.body, 'enabled') === 'true');
      }
      return reply.redirect(`${base}#group-${request.params.event}`, 303);
    },
  );

  app.post(base, { schema: { summary: 'Add a webhook in the UI' } }, async (request, reply) => {
    if (!requireUser(ctx, request, reply, 'super admin')) return reply;
    try {
      const input = {
        url: field(request.body, 'url'),
        event: field(request.body, 'event'),
        origins: fieldList(request.body, 'origins'),
      };
      const webhook = createWebhook(ctx, input, 'ui', null);
      return reply.redirect(`${base}?created=${webhook.id}`, 303);
    } catch (error) {
      if (!(error instanceof WebhookInputError || error instanceof DuplicateWebhookError))
        throw error;
      return reply.redirect(`${base}?error=${encodeURIComponent(error.message)}`, 303);
    }
  });

  app.post<{ Params: { id: string } }>(
    `${base}/:id/test`,
    { schema: { summary: 'Send a test ping' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      const webhook = ctx.state.webhooks.get(request.params.id);
      if (webhook) ctx.webhooks.sendTest(webhook);
      return reply.redirect(`${base}#history-h`, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    `${base}/:id/regenerate`,
    { schema: { summary: 'Regenerate a UI webhook token' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      const webhook = ctx.state.webhooks.get(request.params.id);
      if (!webhook || webhook.createdVia !== 'ui' || !ctx.state.switches.uiCanRegenerateToken) {
        return reply.redirect(
          `${base}?error=${encodeURIComponent('This webhook cannot be changed here')}`,
          303,
        );
      }
      webhook.signatureToken = newHexToken();
      webhook.updatedAt = ctx.clock.now();
      return reply.redirect(`${base}?regenerated=${webhook.id}`, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    `${base}/:id/delete`,
    { schema: { summary: 'Delete a webhook' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      const webhook = ctx.state.webhooks.get(request.params.id);
      // Lever: webhooks created through the API cannot be modified in the UI.
      if (webhook && webhook.createdVia === 'api' && !ctx.state.switches.uiMayDeleteApiWebhooks) {
        return reply.redirect(
          `${base}?error=${encodeURIComponent('Webhooks created through the API cannot be modified here')}`,
          303,
        );
      }
      if (webhook) ctx.state.webhooks.delete(webhook.id);
      return reply.redirect(base, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    `${base}/deliveries/:id`,
    { schema: { summary: 'One delivery with its attempts' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'super admin');
      if (!user) return reply;
      const delivery = ctx.state.deliveries.find((d) => d.id === request.params.id);
      if (!delivery) return reply.redirect(base, 303);
      return reply.type('text/html').send(settingsPage('webhooks', deliveryBody(delivery), user));
    },
  );

  app.post<{ Params: { id: string } }>(
    `${base}/deliveries/:id/rerun`,
    { schema: { summary: 'Rerun a delivery' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      ctx.webhooks.rerun(request.params.id);
      return reply.redirect(`${base}#history-h`, 303);
    },
  );
}
