import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import { newId, newOpaque } from '../ids.ts';
import { parseScopes } from '../oauth/scopes.ts';
import { mintAccessToken, recordGrant } from '../oauth/tokens.ts';
import type { Switches } from '../options.ts';
import { registerControlDataRoutes } from './data.routes.ts';
import { registerControlHireRoutes } from './hires.routes.ts';
import { switchesPatch } from './switches.schema.ts';

const faultBody = Type.Object({
  status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599 })),
  delayMs: Type.Optional(Type.Integer({ minimum: 0 })),
  count: Type.Optional(Type.Integer({ minimum: 1 })),
  pathPrefix: Type.Optional(Type.String()),
  retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
});
type FaultBody = Static<typeof faultBody>;

/** Test controls under /_emulator: state, clock, switches, faults, counters, direct tokens. */
export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/reset', { schema: { summary: 'Reset to the seeded state' } }, async () => {
    ctx.reset();
    return { ok: true };
  });

  app.get('/seed', { schema: { summary: 'What is seeded and how to reach it' } }, async () => ({
    baseUrl: ctx.baseUrl(),
    audience: ctx.audience(),
    environment: ctx.options.environment,
    account: ctx.state.account,
    users: [...ctx.state.users.values()],
    postings: [...ctx.state.postings.values()].map((p) => ({
      id: p.id,
      text: p.text,
      confidentiality: p.confidentiality,
    })),
    stages: ctx.state.stages,
    clients: [...ctx.state.clients.values()].map((c) => ({
      clientId: c.clientId,
      name: c.name,
      redirectUris: c.redirectUris,
    })),
  }));

  app.get('/clock', { schema: { summary: 'Current emulator time' } }, async () => ({
    now: ctx.clock.now(),
  }));

  app.post<{ Body: { advanceMs?: number; advanceSeconds?: number; set?: number } }>(
    '/clock',
    {
      schema: {
        summary: 'Advance or set the emulator clock',
        body: Type.Object({
          advanceMs: Type.Optional(Type.Number()),
          advanceSeconds: Type.Optional(Type.Number()),
          set: Type.Optional(Type.Integer()),
        }),
      },
    },
    async (request) => {
      const { advanceMs = 0, advanceSeconds = 0, set } = request.body;
      if (set !== undefined) ctx.clock.set(set);
      return { now: ctx.clock.advance(advanceMs + advanceSeconds * 1000) };
    },
  );

  app.get('/switches', { schema: { summary: 'Current switches' } }, async () => ctx.state.switches);

  app.patch<{ Body: Partial<Switches> }>(
    '/switches',
    {
      schema: {
        summary: 'Change switches until the next reset',
        body: switchesPatch,
      },
    },
    async (request, reply) => {
      const unknown = Object.keys(request.body).filter((k) => !(k in ctx.state.switches));
      if (unknown.length > 0)
        return reply.code(400).send({ message: `Unknown switches: ${unknown.join(', ')}` });
      Object.assign(ctx.state.switches, request.body);
      return ctx.state.switches;
    },
  );

  app.get('/faults', { schema: { summary: 'Pending injected faults' } }, async () => ({
    data: ctx.state.faults,
  }));

  app.post<{ Body: FaultBody }>(
    '/faults',
    { schema: { summary: 'Inject a fault into the next /v1 calls', body: faultBody } },
    async (request, reply) => {
      const { status, delayMs, count = 1, pathPrefix = '', retryAfterSeconds } = request.body;
      if ((status === undefined) === (delayMs === undefined)) {
        return reply.code(400).send({ message: 'Give exactly one of status or delayMs' });
      }
      const fault = {
        id: newId(),
        kind: status !== undefined ? ('status' as const) : ('delay' as const),
        status: status ?? 0,
        delayMs: delayMs ?? 0,
        remaining: count,
        pathPrefix,
        retryAfterSeconds: retryAfterSeconds ?? null,
      };
      ctx.state.faults.push(fault);
      return reply.code(201).send({ data: fault });
    },
  );

  app.delete(
    '/faults',
    { schema: { summary: 'Clear injected faults' } },
    async (_request, reply) => {
      ctx.state.faults.length = 0;
      return reply.code(204).send();
    },
  );

  app.post<{ Body: { lostResponses: number } }>(
    '/delivery-faults',
    {
      schema: {
        summary: 'The next webhook attempts are delivered but count as failed (retried)',
        body: Type.Object({ lostResponses: Type.Integer({ minimum: 0 }) }),
      },
    },
    async (request) => {
      ctx.state.lostDeliveryResponses = request.body.lostResponses;
      return { lostResponses: ctx.state.lostDeliveryResponses };
    },
  );

  app.get(
    '/counters',
    { schema: { summary: 'API calls per access token / API key' } },
    async () => ({
      data: [...ctx.state.counters.values()].map(({ recent: _recent, ...counter }) => counter),
      tokenEndpoint: ctx.state.tokenEndpoint,
    }),
  );

  app.get<{ Querystring: { method?: string; pathPrefix?: string } }>(
    '/requests',
    {
      schema: {
        summary: 'The /v1 calls, oldest first (method, path, status, credential, write body)',
        querystring: Type.Object({
          method: Type.Optional(Type.String()),
          pathPrefix: Type.Optional(Type.String()),
        }),
      },
    },
    async (request) => {
      const { method, pathPrefix = '' } = request.query;
      return {
        data: ctx.state.requests.filter(
          (r) => (!method || r.method === method.toUpperCase()) && r.path.startsWith(pathPrefix),
        ),
      };
    },
  );

  app.delete(
    '/counters',
    { schema: { summary: 'Reset API call counters and the request log' } },
    async (_request, reply) => {
      ctx.state.counters.clear();
      ctx.state.requests = [];
      ctx.state.tokenEndpoint = { authorizationCode: 0, refreshToken: 0, byStatus: {} };
      return reply.code(204).send();
    },
  );

  app.post<{
    Body: {
      scope?: string;
      userId?: string;
      clientId?: string;
      environment?: 'production' | 'sandbox';
    };
  }>(
    '/tokens',
    {
      schema: {
        summary: 'Mint an access token without the OAuth dance (records an Authorized App grant)',
        body: Type.Object({
          scope: Type.Optional(Type.String()),
          userId: Type.Optional(Type.String()),
          clientId: Type.Optional(Type.String()),
          environment: Type.Optional(
            Type.Union([Type.Literal('production'), Type.Literal('sandbox')]),
          ),
        }),
      },
    },
    async (request, reply) => {
      const clientId = request.body.clientId ?? ctx.options.client.clientId;
      const userId = request.body.userId ?? [...ctx.state.users.values()][0]!.id;
      const scopes = parseScopes(
        request.body.scope ?? 'opportunities:write:admin postings:read:admin webhooks:write:admin',
      );
      const grant = recordGrant(ctx, clientId, userId, scopes);
      const { token, record } = mintAccessToken(
        ctx,
        { clientId, grantId: grant.id, userId, scopes },
        request.body.environment,
      );
      return reply.code(201).send({
        access_token: token,
        token_type: 'Bearer',
        scope: scopes.join(' '),
        expires_at: record.expiresAt,
        grantId: grant.id,
      });
    },
  );

  app.post<{ Body: { label?: string; confidentialAccess?: boolean } }>(
    '/api-keys',
    {
      schema: {
        summary: 'Create an API key (HTTP Basic `key:`)',
        body: Type.Object({
          label: Type.Optional(Type.String()),
          confidentialAccess: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request, reply) => {
      const apiKey = {
        id: newId(),
        label: request.body.label ?? 'Test key',
        key: newOpaque(24),
        confidentialAccess: request.body.confidentialAccess ?? false,
        createdAt: ctx.clock.now(),
        revokedAt: null,
      };
      ctx.state.apiKeys.set(apiKey.id, apiKey);
      return reply.code(201).send({ data: apiKey });
    },
  );

  registerControlDataRoutes(app, ctx);
  registerControlHireRoutes(app, ctx);
}
