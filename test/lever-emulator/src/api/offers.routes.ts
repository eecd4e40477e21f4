import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import type { Offer } from '../state/types.ts';
import { badRequest } from './errors.ts';
import { toUser } from './mappers.ts';
import { loadOpportunity } from './opportunities.routes.ts';
import { list, listParam } from './query.ts';

/**
 * The offer's standard fields in the order of Lever's example; custom fields are not modelled.
 * Every standard field is listed, with `value: null` when the offer leaves it empty.
 */
function offerFields(ctx: EmulatorContext, offer: Offer, candidateName: string) {
  const posting = offer.postingId ? ctx.state.postings.get(offer.postingId) : undefined;
  const field = (text: string, identifier: string, value: string | number | null) => ({
    text,
    identifier,
    value,
  });
  return [
    field('Job posting', 'job_posting', offer.postingId),
    field('Job title', 'job_title', offer.jobTitle),
    field('Candidate name', 'candidate_name', candidateName),
    field('Offered compensation amount', 'salary_amount', offer.salaryAmount),
    field(
      'Compensation currency',
      'compensation_currency',
      offer.salaryAmount === null ? null : 'USD',
    ),
    field('Type of earnings', 'salary_interval', offer.salaryInterval),
    field('Hiring manager', 'hiring_manager', posting?.hiringManagerId ?? null),
    field("Today's date", 'today_date', offer.createdAt),
    field('Anticipated start date', 'anticipated_start_date', offer.anticipatedStartDate),
  ];
}

export function toOffer(ctx: EmulatorContext, offer: Offer, expandCreator: boolean) {
  const opportunity = ctx.state.opportunities.get(offer.opportunityId)!;
  const contact = ctx.state.contacts.get(opportunity.contactId)!;
  const creator = ctx.state.users.get(offer.creatorId);
  const download = (status: 'sent' | 'signed') =>
    `${ctx.baseUrl()}/v1/opportunities/${offer.opportunityId}/offers/${offer.id}/download?status=${status}`;
  const document = (at: number | null, status: 'sent' | 'signed', fileName: string) =>
    at === null ? null : { fileName, uploadedAt: at, downloadUrl: download(status) };
  return {
    id: offer.id,
    createdAt: offer.createdAt,
    status: offer.status,
    creator: expandCreator && creator ? toUser(creator) : offer.creatorId,
    fields: offerFields(ctx, offer, contact.name),
    // Keyed by signer role; only the candidate signs here (shape from public schemas of the API).
    signatures: {
      candidate: {
        role: 'candidate',
        name: contact.name,
        email: contact.emails[0] ?? null,
        firstOpenedAt: offer.sentAt,
        lastOpenedAt: offer.signedAt ?? offer.sentAt,
        signedAt: offer.signedAt,
        signed: offer.signedAt !== null,
      },
    },
    approvedAt: offer.approvedAt,
    sentAt: offer.sentAt,
    sentDocument: document(offer.sentAt, 'sent', 'offer-letter.pdf'),
    signedDocument: document(offer.signedAt, 'signed', 'offer-letter_signed.pdf'),
  };
}

/** `GET /opportunities/{id}/offers` (Lever: list, `expand=creator`; scope `offers:read:admin`). */
export function registerOfferRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: { id: string } }>(
    '/opportunities/:id/offers',
    {
      schema: {
        summary: "List an opportunity's offers",
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object({ expand: list() }),
      },
      config: { scope: 'offers:read:admin' },
    },
    async (request) => {
      const expand = listParam(request.query, 'expand');
      const unknown = expand.find((value) => value !== 'creator');
      if (unknown !== undefined) throw badRequest(`Invalid expand value: ${unknown}`);
      const opportunity = loadOpportunity(ctx, request, request.params.id);
      const offers = [...ctx.state.offers.values()]
        .filter((o) => o.opportunityId === opportunity.id)
        .sort((a, b) => a.createdAt - b.createdAt);
      return {
        data: offers.map((o) => toOffer(ctx, o, expand.includes('creator'))),
        hasNext: false,
      };
    },
  );
}
