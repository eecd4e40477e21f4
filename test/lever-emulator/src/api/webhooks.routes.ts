import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import type { Webhook } from '../state/types.ts';
import {
  WebhookInputError,
  checkWebhookInput,
  createWebhook,
  toWebhookDto,
} from '../webhooks/registry.ts';
import { LeverError, badRequest, notFound } from './errors.ts';

const configuration = Type.Optional(
  Type.Object({
    conditions: Type.Optional(Type.Object({ origins: Type.Optional(Type.Array(Type.String())) })),
  }),
);
const createBody = Type.Object({ url: Type.String(), event: Type.String(), configuration });
const updateBody = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      url: Type.Optional(Type.String()),
      event: Type.Optional(Type.String()),
      configuration,
    }),
    { minItems: 1 },
  ),
});
type CreateBody = Static<typeof createBody>;
type UpdateBody = Static<typeof updateBody>;

const uiOwned = () =>
  new LeverError(403, 'Webhooks created in the Lever UI cannot be modified through the API');

function asInputError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof WebhookInputError) throw badRequest(error.message);
    throw error;
  }
}

/** Webhooks Subscription API (docs/lever-api.md §5.7). */
export function registerWebhookRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(
    '/webhooks',
    { schema: { summary: 'List webhooks' }, config: { scope: 'webhooks:read:admin' } },
    async (request) => {
      const clientId = request.credential?.clientId ?? null;
      const visible = [...ctx.state.webhooks.values()].filter(
        (w) => ctx.state.switches.webhookListScope === 'account' || w.clientId === clientId,
      );
      return { data: visible.map(toWebhookDto) };
    },
  );

  app.post<{ Body: CreateBody }>(
    '/webhooks',
    {
      schema: { summary: 'Create a webhook', body: createBody },
      config: { scope: 'webhooks:write:admin' },
    },
    async (request, reply) => {
      const { url, event, configuration: config } = request.body;
      const webhook = asInputError(() =>
        createWebhook(
          ctx,
          { url, event, origins: config?.conditions?.origins ?? null },
          'api',
          request.credential?.clientId ?? null,
        ),
      );
      const data = {
        id: webhook.id,
        event: webhook.event,
        url: webhook.url,
        configuration: {
          signatureToken: webhook.signatureToken,
          ...(ctx.state.switches.createWebhookEchoesConditions && webhook.origins
            ? { conditions: { origins: webhook.origins } }
            : {}),
        },
        createdAt: webhook.createdAt,
        updatedAt: webhook.updatedAt,
      };
      const nested = ctx.state.switches.createWebhookResponse === 'double';
      return reply.code(201).send(nested ? { data: { data } } : { data });
    },
  );

  app.put<{ Body: UpdateBody }>(
    '/webhooks',
    {
      schema: { summary: 'Update webhooks', body: updateBody },
      config: { scope: 'webhooks:write:admin' },
    },
    async (request) => {
      // Validate every entry before changing any, so a bad entry leaves all webhooks untouched.
      const changes = request.body.data.map((change) => {
        const webhook = ctx.state.webhooks.get(change.id);
        if (!webhook) throw notFound('webhooks', change.id);
        if (webhook.createdVia === 'ui') throw uiOwned();
        if (
          change.event &&
          change.event !== webhook.event &&
          !ctx.state.switches.updateMayChangeEvent
        ) {
          throw badRequest('event cannot be changed; delete the webhook and create a new one');
        }
        const next = {
          url: change.url ?? webhook.url,
          event: change.event ?? webhook.event,
          origins: change.configuration
            ? (change.configuration.conditions?.origins ?? null)
            : webhook.origins,
        };
        return { webhook, origins: asInputError(() => checkWebhookInput(next)), next };
      });
      const updated: Webhook[] = changes.map(({ webhook, origins, next }) => {
        Object.assign(webhook, {
          url: next.url,
          event: next.event,
          origins,
          updatedAt: ctx.clock.now(),
        });
        return webhook;
      });
      return { data: updated.map(toWebhookDto) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/webhooks/:id',
    {
      schema: { summary: 'Delete a webhook', params: Type.Object({ id: Type.String() }) },
      config: { scope: 'webhooks:write:admin' },
    },
    async (request, reply) => {
      const webhook = ctx.state.webhooks.get(request.params.id);
      if (!webhook) throw notFound('webhooks', request.params.id);
      if (webhook.createdVia === 'ui' && !ctx.state.switches.apiMayDeleteUiWebhooks)
        throw uiOwned();
      ctx.state.webhooks.delete(webhook.id);
      return reply.code(204).send();
    },
  );
}
