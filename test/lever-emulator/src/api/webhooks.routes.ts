import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import type { Webhook } from '../state/types.ts';
import {
  DuplicateWebhookError,
  WebhookInputError,
  checkWebhookInput,
  createWebhook,
  refuseDuplicate,
  toWebhookDto,
} from '../webhooks/registry.ts';
import { LeverError, badRequest, notFound } from './errors.ts';
import { paginate } from './pagination.ts';
import { pageQuery } from './query.ts';

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

/** Refusals of the webhook registry in Lever's error shape: 400 for bad input, 409 for a duplicate. */
function asInputError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof WebhookInputError) throw badRequest(error.message);
    if (error instanceof DuplicateWebhookError) throw new LeverError(409, error.message);
    throw error;
  }
}

/** Webhooks Subscription API (docs/lever-api.md §5.7). */
export function registerWebhookRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { limit?: number; offset?: string } }>(
    '/webhooks',
    {
      schema: { summary: 'List webhooks', querystring: Type.Object(pageQuery) },
      config: { scope: 'webhooks:read:admin' },
    },
    async (request) => {
      const clientId = request.credential?.clientId ?? null;
      const visible = [...ctx.state.webhooks.values()].filter(
        (w) => ctx.state.switches.webhookListScope === 'account' || w.clientId === clientId,
      );
      const pageSize = ctx.state.switches.webhookListPageSize;
      // Lever's example list has no paging fields; the switch models an account that pages.
      if (pageSize === null) return { data: visible.map(toWebhookDto) };
      const { limit = pageSize, offset } = request.query;
      return paginate(visible, { limit: Math.min(limit, pageSize), offset }, toWebhookDto);
    },
  );

  app.post<{ Body: CreateBody }>(
    '/webhooks',
    {
      schema: { summary: 'Create a webhook', body: createBody },
      config: { scope: 'webhooks:write:admin' },
    },
    async (request, reply) => {
      if (ctx.state.switches.webhooksApi === 'disabled') {
        throw new LeverError(
          403,
          'The Webhooks Subscription API is not enabled for this application',
        );
      }
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
        const origins = asInputError(() => checkWebhookInput(next));
        asInputError(() => refuseDuplicate(ctx, next, webhook.id));
        return { webhook, origins, next };
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
