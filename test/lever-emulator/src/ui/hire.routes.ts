import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { HireError, hireOpportunity } from '../state/hires.ts';
import { liveOpportunity } from '../state/opportunities.ts';
import type { User } from '../state/types.ts';
import { field } from './form-body.ts';
import { requireUser } from './guard.ts';
import { hirePage, type HireForm, type HireFormErrors } from './hire.page.ts';
import { errorPage } from './html.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A `YYYY-MM-DD` date as epoch ms at midnight UTC (how Lever stores date-only offer fields is not
 * documented; midnight UTC is what a JavaScript date input gives). NaN when it is no real date.
 */
export function dateToEpochMs(value: string): number {
  const match = DATE.exec(value);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  const real =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return real ? ms : Number.NaN;
}

function parseForm(form: HireForm): {
  errors: HireFormErrors;
  sent: number | null;
  start: number | null;
} {
  const errors: HireFormErrors = {};
  const read = (key: keyof HireForm, label: string) => {
    if (!form[key]) return null;
    const ms = dateToEpochMs(form[key]);
    if (Number.isNaN(ms))
      errors[key] = `${label}: enter a real date as YYYY-MM-DD, e.g. 2025-03-14.`;
    return Number.isNaN(ms) ? null : ms;
  };
  const sentOn = read('offerSentOn', 'Offer sent on');
  return {
    // `sentAt` is a moment: noon UTC of the day entered is that same day from Hawaii to Guam (at
    // midnight UTC it would be the evening before in every US zone).
    sent: sentOn === null ? null : sentOn + 12 * 3_600_000,
    start: read('anticipatedStartOn', 'Anticipated start date'),
    errors,
  };
}

function notFoundPage(reply: FastifyReply, id: string) {
  return reply
    .code(404)
    .type('text/html')
    .send(errorPage('Candidate not found', `There is no candidate ${id}.`));
}

/** The Candidates page's Hire action: a form with the offer's dates, then archive as hired. */
export function registerHireRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const show = (
    reply: FastifyReply,
    user: User,
    id: string,
    form: HireForm,
    errors?: HireFormErrors,
  ) => {
    const opportunity = liveOpportunity(ctx, id);
    if (!opportunity) return notFoundPage(reply, id);
    return reply.type('text/html').send(hirePage(ctx, user, opportunity, form, errors));
  };

  app.get<{ Params: { id: string } }>(
    '/candidates/:id/hire',
    { schema: { summary: 'Hire form of one candidate' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
      return show(reply, user, request.params.id, { offerSentOn: '', anticipatedStartOn: '' });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/candidates/:id/hire',
    { schema: { summary: 'Hire: offer with its dates, archive as hired, emit candidateHired' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
      const { id } = request.params;
      const form: HireForm = {
        offerSentOn: field(request.body, 'offerSentOn').trim(),
        anticipatedStartOn: field(request.body, 'anticipatedStartOn').trim(),
      };
      const { errors, sent, start } = parseForm(form);
      if (Object.keys(errors).length > 0) return show(reply.code(400), user, id, form, errors);
      try {
        hireOpportunity(ctx, id, { offerSentAt: sent, anticipatedStartDate: start }, user.id);
      } catch (error) {
        if (!(error instanceof HireError)) throw error;
        if (error.status === 404) return notFoundPage(reply, id);
        const key = error.status === 409 ? 'opportunity' : 'offerSentOn';
        const text =
          error.status === 409
            ? 'This candidate is already archived.'
            : 'Offer sent on: the offer cannot be sent after the hire (today).';
        return show(reply.code(error.status), user, id, form, { [key]: text });
      }
      return reply.redirect(`/candidates?hired=${id}`, 303);
    },
  );
}
