import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { createOpportunity } from '../state/opportunities.ts';
import { type Origin, origins } from '../state/types.ts';
import {
  candidatesPage,
  emptyCandidateForm,
  newCandidatePage,
  type CandidateForm,
  type CandidateFormErrors,
} from './candidates.page.ts';
import { field } from './form-body.ts';
import { requireUser } from './guard.ts';
import { registerHireRoutes } from './hire.routes.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkForm(ctx: EmulatorContext, form: CandidateForm): CandidateFormErrors {
  const errors: CandidateFormErrors = {};
  if (!form.name) errors.name = 'Enter the candidate’s name.';
  if (form.email && !EMAIL.test(form.email))
    errors.email = 'Enter an email address like name@example.com, or leave it empty.';
  if (form.postingId && !ctx.state.postings.has(form.postingId))
    errors.postingId = 'Choose a posting from the list.';
  return errors;
}

/** Candidates list (opportunities with their tags) and the New candidate form. */
export function registerCandidateRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { created?: string; hired?: string } }>(
    '/candidates',
    { schema: { summary: 'Candidates list' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
      return reply.type('text/html').send(candidatesPage(ctx, user, request.query));
    },
  );

  app.get(
    '/candidates/new',
    { schema: { summary: 'New candidate form' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
      return reply.type('text/html').send(newCandidatePage(ctx, user, emptyCandidateForm(ctx)));
    },
  );

  app.post(
    '/candidates',
    { schema: { summary: 'Create a candidate (emits applicationCreated with a posting)' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
      const origin = field(request.body, 'origin') as Origin;
      const form: CandidateForm = {
        name: field(request.body, 'name').trim(),
        email: field(request.body, 'email').trim(),
        postingId: field(request.body, 'postingId'),
        origin: origins.includes(origin) ? origin : 'applied',
      };
      const errors = checkForm(ctx, form);
      if (Object.keys(errors).length > 0)
        return reply
          .code(400)
          .type('text/html')
          .send(newCandidatePage(ctx, user, form, errors));
      const { opportunity } = createOpportunity(ctx, {
        name: form.name,
        email: form.email || null,
        postingId: form.postingId || null,
        origin: form.origin,
      });
      return reply.redirect(`/candidates?created=${opportunity.id}`, 303);
    },
  );

  registerHireRoutes(app, ctx);
}
