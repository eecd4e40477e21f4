import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { toOpportunity } from '../api/mappers.ts';
import { toOffer } from '../api/offers.routes.ts';
import { logRequest } from '../api/traffic.ts';
import type { EmulatorContext } from '../context.ts';
import { HireError, type HireInput, hireOpportunity } from '../state/hires.ts';

const epochMs = Type.Integer({ minimum: 0 });
const hireFields = {
  offerSentAt: Type.Optional(Type.Union([epochMs, Type.Null()])),
  anticipatedStartDate: Type.Optional(Type.Union([epochMs, Type.Null()])),
  hiredAt: Type.Optional(epochMs),
  jobTitle: Type.Optional(Type.String({ minLength: 1 })),
  salaryAmount: Type.Optional(Type.Number({ minimum: 0 })),
  salaryInterval: Type.Optional(Type.String({ minLength: 1 })),
};
const known = new Set(Object.keys(hireFields));
const all = new Set(['applications', 'contact', 'stage']);

/** `POST /_emulator/opportunities/{id}/hire`: what the Candidates page's Hire action does. */
export function registerControlHireRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Params: { id: string }; Body: HireInput }>(
    '/opportunities/:id/hire',
    {
      schema: {
        summary: 'Hire: offer (with dates), Offer stage, archive as hired, emit candidateHired',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(hireFields),
      },
      // Every field is optional, so a bare POST (no body at all) hires with the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      // Listed by GET /_emulator/requests beside the /v1 calls, so a test sees when the hire happened.
      onResponse: async (request, reply) => {
        logRequest(ctx, {
          method: request.method,
          path: request.url,
          status: reply.statusCode,
          tokenId: 'control',
          body: request.body ?? null,
        });
      },
    },
    async (request, reply) => {
      const unknown = Object.keys(request.body).filter((key) => !known.has(key));
      if (unknown.length > 0) {
        return reply.code(400).send({ message: `Unknown fields: ${unknown.join(', ')}` });
      }
      try {
        const { opportunity, offer, deliveries } = hireOpportunity(
          ctx,
          request.params.id,
          request.body,
        );
        return {
          data: toOpportunity(ctx, opportunity, all),
          offer: offer ? toOffer(ctx, offer, false) : null,
          candidateHiredDeliveries: deliveries.length,
        };
      } catch (error) {
        if (error instanceof HireError)
          return reply.code(error.status).send({ message: error.message });
        throw error;
      }
    },
  );
}
