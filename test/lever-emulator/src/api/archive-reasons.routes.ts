import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import type { ArchiveReason } from '../state/types.ts';
import { notFound } from './errors.ts';

const SCOPE = 'archive_reasons:read:admin';

const toArchiveReason = (reason: ArchiveReason) => ({
  id: reason.id,
  text: reason.text,
  status: reason.status,
  type: reason.type,
});

/**
 * Archive reasons (Lever: `{id, text, status, type}`, `type` `hired` | `non-hired`). The list is an
 * array, or — switch `hiredArchiveReasonShape: 'object'` — for `?type=hired` the first hired reason
 * as a single object, as Lever's own example shows.
 */
export function registerArchiveReasonRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { type?: 'hired' | 'non-hired' } }>(
    '/archive_reasons',
    {
      schema: {
        summary: 'List archive reasons',
        querystring: Type.Object({
          type: Type.Optional(Type.Union([Type.Literal('hired'), Type.Literal('non-hired')])),
        }),
      },
      config: { scope: SCOPE },
    },
    async (request) => {
      const { type } = request.query;
      const reasons = ctx.state.archiveReasons.filter((r) => type === undefined || r.type === type);
      if (type === 'hired' && ctx.state.switches.hiredArchiveReasonShape === 'object') {
        const [first] = reasons;
        return { data: first ? toArchiveReason(first) : null };
      }
      return { data: reasons.map(toArchiveReason), hasNext: false };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/archive_reasons/:id',
    {
      schema: { summary: 'Get an archive reason', params: Type.Object({ id: Type.String() }) },
      config: { scope: SCOPE },
    },
    async (request) => {
      const reason = ctx.state.archiveReasons.find((r) => r.id === request.params.id);
      if (!reason) throw notFound('archive_reasons', request.params.id);
      return { data: toArchiveReason(reason) };
    },
  );
}
