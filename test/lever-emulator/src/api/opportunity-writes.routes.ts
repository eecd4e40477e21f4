import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import { newId } from '../ids.ts';
import { moveToStage } from '../state/opportunities.ts';
import { badRequest } from './errors.ts';
import { toOpportunity } from './mappers.ts';
import { loadOpportunity } from './opportunities.routes.ts';

const idParams = Type.Object({ id: Type.String() });
const performAs = Type.Object({ perform_as: Type.Optional(Type.String()) });

/** The "nice to have" writes of §6: notes and stage changes (which emit candidateStageChange). */
export function registerOpportunityWriteRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Params: { id: string }; Body: { value: string } }>(
    '/opportunities/:id/notes',
    {
      schema: {
        summary: 'Add a note to an opportunity',
        params: idParams,
        querystring: performAs,
        body: Type.Object({
          value: Type.String({ minLength: 1 }),
          secret: Type.Optional(Type.Boolean()),
          score: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          notifyFollowers: Type.Optional(Type.Boolean()),
        }),
      },
      config: { scope: 'notes:write:admin' },
    },
    async (request, reply) => {
      const opportunity = loadOpportunity(ctx, request, request.params.id);
      const note = {
        id: newId(),
        opportunityId: opportunity.id,
        value: request.body.value,
        createdAt: ctx.clock.now(),
      };
      ctx.state.notes.set(note.id, note);
      return reply.code(201).send({ data: { noteId: note.id } });
    },
  );

  app.put<{ Params: { id: string }; Body: { stage: string } }>(
    '/opportunities/:id/stage',
    {
      schema: {
        summary: 'Move an opportunity to another stage',
        params: idParams,
        querystring: performAs,
        body: Type.Object({ stage: Type.String() }),
      },
      config: { scope: 'opportunities:write:admin' },
    },
    async (request) => {
      const opportunity = loadOpportunity(ctx, request, request.params.id);
      if (!moveToStage(ctx, opportunity, request.body.stage)) {
        throw badRequest(`stages ${request.body.stage} was not found`);
      }
      return { data: toOpportunity(ctx, opportunity, new Set()) };
    },
  );
}
