import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import { hasScope } from '../oauth/scopes.ts';
import { changeTags, liveOpportunity } from '../state/opportunities.ts';
import type { Opportunity } from '../state/types.ts';
import { LeverError, badRequest, notFound } from './errors.ts';
import { applyInclude, toOpportunity } from './mappers.ts';
import { paginate } from './pagination.ts';
import { list, listParam, pageQuery } from './query.ts';
import { registerOpportunityWriteRoutes } from './opportunity-writes.routes.ts';

const READ = 'opportunities:read:admin';
const idParams = Type.Object({ id: Type.String() });
const tagsBody = Type.Object({ tags: Type.Array(Type.String()) });
const expandValues = ['applications', 'stage', 'owner', 'followers', 'sourcedBy', 'contact'];

const listQuery = Type.Object({
  ...pageQuery,
  email: list(),
  contact_id: list(),
  posting_id: list(),
  tag: list(),
  origin: list(),
  stage_id: list(),
  archived: Type.Optional(Type.Boolean()),
  confidentiality: Type.Optional(
    Type.Union([
      Type.Literal('non-confidential'),
      Type.Literal('confidential'),
      Type.Literal('all'),
    ]),
  ),
  created_at_start: Type.Optional(Type.Integer()),
  created_at_end: Type.Optional(Type.Integer()),
  updated_at_start: Type.Optional(Type.Integer()),
  updated_at_end: Type.Optional(Type.Integer()),
  archived_at_start: Type.Optional(Type.Integer()),
  archived_at_end: Type.Optional(Type.Integer()),
  archive_reason_id: list(),
  expand: list(),
  include: list(),
});
type ListQuery = Static<typeof listQuery>;

export function expandSet(ctx: EmulatorContext, request: FastifyRequest): Set<string> {
  const expand = new Set(listParam(request.query, 'expand'));
  for (const value of expand) {
    if (!expandValues.includes(value)) throw badRequest(`Invalid expand value: ${value}`);
  }
  if (
    expand.has('applications') &&
    ctx.state.switches.expandApplicationsNeedsScope &&
    !hasScope(request.credential?.scopes ?? [], 'applications:read:admin')
  ) {
    throw new LeverError(403, 'Missing required scope: applications:read:admin');
  }
  return expand;
}

const canSeeConfidential = (request: FastifyRequest) =>
  hasScope(request.credential?.scopes ?? [], 'confidential:access:admin');

/** A live opportunity the caller may see, or the Lever 404 / 403. */
export function loadOpportunity(
  ctx: EmulatorContext,
  request: FastifyRequest,
  id: string,
): Opportunity {
  const opportunity = liveOpportunity(ctx, id);
  if (!opportunity) throw notFound('opportunities', id);
  if (opportunity.confidentiality === 'confidential' && !canSeeConfidential(request)) {
    throw new LeverError(
      403,
      `opportunities ${id} is confidential and this token has no confidential access`,
    );
  }
  return opportunity;
}

function matches(ctx: EmulatorContext, opp: Opportunity, q: ListQuery, confidential: boolean) {
  const contact = ctx.state.contacts.get(opp.contactId);
  const postings = opp.applicationIds.map((id) => ctx.state.applications.get(id)?.postingId);
  const within = (value: number, start?: number, end?: number) =>
    (start === undefined || value >= start) && (end === undefined || value <= end);
  // An archive-time window or reason only matches archived opportunities.
  const archivedWithin = (start?: number, end?: number) =>
    (start === undefined && end === undefined) ||
    (opp.archived !== null && within(opp.archived.archivedAt, start, end));
  const anyOf = (filter: string[] | undefined, test: (v: string) => boolean) =>
    !filter || filter.length === 0 || filter.some(test);
  const mode = q.confidentiality ?? 'non-confidential';
  if (opp.confidentiality === 'confidential' && (mode === 'non-confidential' || !confidential))
    return false;
  if (opp.confidentiality === 'non-confidential' && mode === 'confidential') return false;
  return (
    anyOf(q.email, (e) => contact?.emails.includes(e) ?? false) &&
    anyOf(q.contact_id, (c) => c === opp.contactId) &&
    anyOf(q.posting_id, (p) => postings.includes(p)) &&
    anyOf(q.tag, (t) => opp.tags.includes(t)) &&
    anyOf(q.origin, (o) => o === opp.origin) &&
    anyOf(q.stage_id, (s) => s === opp.stageId) &&
    (q.archived === undefined || q.archived === (opp.archived !== null)) &&
    anyOf(q.archive_reason_id, (r) => opp.archived?.reason === r) &&
    archivedWithin(q.archived_at_start, q.archived_at_end) &&
    within(opp.createdAt, q.created_at_start, q.created_at_end) &&
    within(opp.updatedAt, q.updated_at_start, q.updated_at_end)
  );
}

export function registerOpportunityRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: ListQuery }>(
    '/opportunities',
    { schema: { summary: 'List opportunities', querystring: listQuery }, config: { scope: READ } },
    async (request) => {
      const expand = expandSet(ctx, request);
      const include = listParam(request.query, 'include');
      const confidential = canSeeConfidential(request);
      const items = [...ctx.state.opportunities.values()].filter(
        (o) => o.deletedAt === null && matches(ctx, o, request.query, confidential),
      );
      return paginate(items, request.query, (o) =>
        applyInclude(toOpportunity(ctx, o, expand), include, expand),
      );
    },
  );

  app.get<{
    Querystring: {
      limit?: number;
      offset?: string;
      deleted_at_start?: number;
      deleted_at_end?: number;
    };
  }>(
    '/opportunities/deleted',
    {
      schema: {
        summary: 'List deleted opportunities',
        querystring: Type.Object({
          ...pageQuery,
          deleted_at_start: Type.Optional(Type.Integer()),
          deleted_at_end: Type.Optional(Type.Integer()),
        }),
      },
      config: { scope: READ },
    },
    async (request) => {
      const { deleted_at_start: start, deleted_at_end: end } = request.query;
      const items = [...ctx.state.opportunities.values()].filter(
        (o) =>
          o.deletedAt !== null &&
          (start === undefined || o.deletedAt >= start) &&
          (end === undefined || o.deletedAt <= end),
      );
      return paginate(items, request.query, (o) => ({
        id: o.id,
        deletedBy: o.deletedBy,
        deletedAt: o.deletedAt,
      }));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/opportunities/:id',
    {
      schema: {
        summary: 'Get one opportunity',
        params: idParams,
        querystring: Type.Object({ expand: list(), include: list() }),
      },
      config: { scope: READ },
    },
    async (request) => {
      const expand = expandSet(ctx, request);
      const opportunity = loadOpportunity(ctx, request, request.params.id);
      return {
        data: applyInclude(
          toOpportunity(ctx, opportunity, expand),
          listParam(request.query, 'include'),
          expand,
        ),
      };
    },
  );

  for (const [path, mode] of [
    ['addTags', 'add'],
    ['removeTags', 'remove'],
  ] as const) {
    app.post<{ Params: { id: string }; Body: { tags: string[] } }>(
      `/opportunities/:id/${path}`,
      {
        schema: {
          summary:
            mode === 'add' ? 'Add tags to an opportunity' : 'Remove tags from an opportunity',
          params: idParams,
          querystring: Type.Object({ perform_as: Type.Optional(Type.String()) }),
          body: tagsBody,
        },
        config: { scope: 'opportunities:write:admin' },
      },
      async (request) => {
        const opportunity = loadOpportunity(ctx, request, request.params.id);
        changeTags(ctx, opportunity, request.body.tags, mode);
        return { data: toOpportunity(ctx, opportunity, new Set()) };
      },
    );
  }

  registerOpportunityWriteRoutes(app, ctx);
}
