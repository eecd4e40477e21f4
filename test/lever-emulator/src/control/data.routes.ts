import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { toOpportunity } from '../api/mappers.ts';
import type { EmulatorContext } from '../context.ts';
import { revokeGrant } from '../oauth/tokens.ts';
import {
  UnknownPostingError,
  createOpportunity,
  deleteOpportunity,
  type NewOpportunityInput,
} from '../state/opportunities.ts';
import { isKnownEvent } from '../state/store.ts';
import { origins } from '../state/types.ts';
import { DuplicateWebhookError, WebhookInputError, createWebhook } from '../webhooks/registry.ts';

const idParams = Type.Object({ id: Type.String() });
const newOpportunityBody = Type.Object({
  name: Type.String(),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  postingId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  origin: Type.Optional(Type.Union(origins.map((o) => Type.Literal(o)))),
  tags: Type.Optional(Type.Array(Type.String())),
  headline: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  confidential: Type.Optional(Type.Boolean()),
  anonymized: Type.Optional(Type.Boolean()),
  deleteAfterEvent: Type.Optional(Type.Boolean()),
});
const all = new Set(['applications', 'contact', 'stage']);

/** Controls over the emulated account's data: candidates, webhooks, deliveries, grants. */
export function registerControlDataRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Body: NewOpportunityInput }>(
    '/opportunities',
    {
      schema: {
        summary: 'Create an opportunity (emits applicationCreated with a posting)',
        body: newOpportunityBody,
      },
    },
    async (request, reply) => {
      try {
        const created = createOpportunity(ctx, request.body);
        return reply.code(201).send({
          data: toOpportunity(ctx, created.opportunity, all),
          applicationId: created.application?.id ?? null,
          contactId: created.contact.id,
          deleted: created.opportunity.deletedAt !== null,
        });
      } catch (error) {
        if (error instanceof UnknownPostingError)
          return reply.code(400).send({ message: `Unknown posting ${error.message}` });
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    '/opportunities/:id',
    {
      schema: {
        summary: 'Read an opportunity with its tags (also when deleted)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const opportunity = ctx.state.opportunities.get(request.params.id);
      if (!opportunity) return reply.code(404).send({ message: 'Unknown opportunity' });
      return {
        data: toOpportunity(ctx, opportunity, all),
        deleted: opportunity.deletedAt !== null,
      };
    },
  );

  app.get(
    '/opportunities',
    { schema: { summary: 'Every opportunity, deleted ones included' } },
    async () => ({
      data: [...ctx.state.opportunities.values()].map((o) => ({
        ...toOpportunity(ctx, o, all),
        deleted: o.deletedAt !== null,
      })),
    }),
  );

  app.delete<{ Params: { id: string } }>(
    '/opportunities/:id',
    { schema: { summary: 'Delete an opportunity (emits candidateDeleted)', params: idParams } },
    async (request, reply) =>
      deleteOpportunity(ctx, request.params.id, null)
        ? reply.code(204).send()
        : reply.code(404).send({ message: 'Unknown opportunity' }),
  );

  app.get('/event-groups', { schema: { summary: 'Webhook event group toggles' } }, async () => ({
    data: Object.fromEntries(ctx.state.eventGroups),
  }));

  app.put<{ Params: { event: string }; Body: { enabled: boolean } }>(
    '/event-groups/:event',
    {
      schema: {
        summary: 'Switch a webhook event group on or off',
        params: Type.Object({ event: Type.String() }),
        body: Type.Object({ enabled: Type.Boolean() }),
      },
    },
    async (request, reply) => {
      if (!isKnownEvent(request.params.event))
        return reply.code(404).send({ message: 'Unknown event' });
      ctx.state.eventGroups.set(request.params.event, request.body.enabled);
      return { data: Object.fromEntries(ctx.state.eventGroups) };
    },
  );

  app.get(
    '/webhooks',
    { schema: { summary: 'Every webhook with its signature token' } },
    async () => ({
      data: [...ctx.state.webhooks.values()],
    }),
  );

  app.post<{ Body: { url: string; event: string; origins?: string[]; createdVia?: 'api' | 'ui' } }>(
    '/webhooks',
    {
      schema: {
        summary: 'Create a webhook as if added in the UI (default) or by the API',
        body: Type.Object({
          url: Type.String(),
          event: Type.String(),
          origins: Type.Optional(Type.Array(Type.String())),
          createdVia: Type.Optional(Type.Union([Type.Literal('api'), Type.Literal('ui')])),
        }),
      },
    },
    async (request, reply) => {
      const { createdVia = 'ui', ...input } = request.body;
      try {
        const clientId = createdVia === 'api' ? ctx.options.client.clientId : null;
        return reply.code(201).send({ data: createWebhook(ctx, input, createdVia, clientId) });
      } catch (error) {
        if (error instanceof WebhookInputError)
          return reply.code(400).send({ message: error.message });
        if (error instanceof DuplicateWebhookError)
          return reply.code(409).send({ message: error.message });
        throw error;
      }
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/webhooks/:id',
    {
      schema: {
        summary: 'Delete any webhook, whoever created it (e.g. removed by Lever support)',
        params: idParams,
      },
    },
    async (request, reply) =>
      ctx.state.webhooks.delete(request.params.id)
        ? reply.code(204).send()
        : reply.code(404).send({ message: 'Unknown webhook' }),
  );

  app.post<{ Params: { id: string } }>(
    '/webhooks/:id/test',
    { schema: { summary: 'Send a test ping (data: {})', params: idParams } },
    async (request, reply) => {
      const webhook = ctx.state.webhooks.get(request.params.id);
      if (!webhook) return reply.code(404).send({ message: 'Unknown webhook' });
      return reply.code(202).send({ data: ctx.webhooks.sendTest(webhook) });
    },
  );

  app.get<{ Querystring: { webhookId?: string; event?: string } }>(
    '/deliveries',
    {
      schema: {
        summary: 'Webhook delivery log, oldest first',
        querystring: Type.Object({
          webhookId: Type.Optional(Type.String()),
          event: Type.Optional(Type.String()),
        }),
      },
    },
    async (request) => ({
      data: ctx.state.deliveries.filter(
        (d) =>
          (!request.query.webhookId || d.webhookId === request.query.webhookId) &&
          (!request.query.event || d.event === request.query.event),
      ),
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/deliveries/:id/rerun',
    { schema: { summary: 'Rerun a delivery', params: idParams } },
    async (request, reply) => {
      const delivery = ctx.webhooks.rerun(request.params.id);
      return delivery
        ? reply.code(202).send({ data: delivery })
        : reply.code(404).send({ message: 'Unknown delivery' });
    },
  );

  app.get('/grants', { schema: { summary: 'Authorized Apps (OAuth grants)' } }, async () => ({
    data: [...ctx.state.grants.values()],
  }));

  app.post<{ Params: { id: string } }>(
    '/grants/:id/revoke',
    {
      schema: { summary: 'Revoke an Authorized App, as the settings page does', params: idParams },
    },
    async (request, reply) =>
      revokeGrant(ctx, request.params.id)
        ? reply.code(204).send()
        : reply.code(404).send({ message: 'Unknown or revoked grant' }),
  );
}
