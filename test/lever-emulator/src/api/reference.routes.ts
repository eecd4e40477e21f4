import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import { hasScope } from '../oauth/scopes.ts';
import { LeverError, notFound } from './errors.ts';
import { toContact, toPosting, toUser } from './mappers.ts';
import { paginate } from './pagination.ts';
import { list, pageQuery } from './query.ts';

const idParams = Type.Object({ id: Type.String() });
const confidentialOk = (request: FastifyRequest) =>
  hasScope(request.credential?.scopes ?? [], 'confidential:access:admin');

/** Read-only objects: contacts, postings, users, stages, tags. */
export function registerReferenceRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: { id: string } }>(
    '/contacts/:id',
    {
      schema: { summary: 'Get a contact', params: idParams },
      config: { scope: 'contact:read:admin' },
    },
    async (request) => {
      const contact = ctx.state.contacts.get(request.params.id);
      if (!contact) throw notFound('contacts', request.params.id);
      return { data: toContact(contact) };
    },
  );

  app.get<{
    Querystring: { limit?: number; offset?: string; state?: string[]; confidentiality?: string };
  }>(
    '/postings',
    {
      schema: {
        summary: 'List postings',
        querystring: Type.Object({
          ...pageQuery,
          state: list(),
          confidentiality: Type.Optional(Type.String()),
          include: list(),
          distributionChannel: list(),
        }),
      },
      config: { scope: 'postings:read:admin' },
    },
    async (request) => {
      const { state, confidentiality = 'non-confidential' } = request.query;
      const items = [...ctx.state.postings.values()].filter(
        (p) =>
          (!state || state.length === 0 || state.includes(p.state)) &&
          (p.confidentiality === 'non-confidential'
            ? confidentiality !== 'confidential'
            : confidentiality !== 'non-confidential' && confidentialOk(request)),
      );
      return paginate(items, request.query, (p) => toPosting(ctx, p));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/postings/:id',
    {
      schema: {
        summary: 'Get a posting',
        params: idParams,
        querystring: Type.Object({ distribution: Type.Optional(Type.String()) }),
      },
      config: { scope: 'postings:read:admin' },
    },
    async (request) => {
      const posting = ctx.state.postings.get(request.params.id);
      if (!posting) throw notFound('postings', request.params.id);
      if (posting.confidentiality === 'confidential' && !confidentialOk(request)) {
        throw new LeverError(
          403,
          `postings ${posting.id} is confidential and this token has no confidential access`,
        );
      }
      return { data: toPosting(ctx, posting) };
    },
  );

  app.get<{ Querystring: { limit?: number; offset?: string } }>(
    '/users',
    {
      schema: { summary: 'List users', querystring: Type.Object({ ...pageQuery, email: list() }) },
      config: { scope: 'users:read:admin' },
    },
    async (request) => paginate([...ctx.state.users.values()], request.query, toUser),
  );

  app.get<{ Params: { id: string } }>(
    '/users/:id',
    { schema: { summary: 'Get a user', params: idParams }, config: { scope: 'users:read:admin' } },
    async (request) => {
      const user = ctx.state.users.get(request.params.id);
      if (!user) throw notFound('users', request.params.id);
      return { data: toUser(user) };
    },
  );

  app.get(
    '/stages',
    { schema: { summary: 'List pipeline stages' }, config: { scope: 'stages:read:admin' } },
    async () => ({ data: ctx.state.stages, hasNext: false }),
  );

  app.get(
    '/tags',
    {
      schema: { summary: 'List tags in use with their counts' },
      config: { scope: 'tags:read:admin' },
    },
    async () => {
      const counts = new Map<string, number>();
      for (const o of ctx.state.opportunities.values()) {
        if (o.deletedAt === null) for (const t of o.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      return { data: [...counts].map(([text, count]) => ({ text, count })), hasNext: false };
    },
  );
}
