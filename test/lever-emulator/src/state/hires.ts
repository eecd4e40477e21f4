import type { EmulatorContext } from '../context.ts';
import { newId } from '../ids.ts';
import { liveOpportunity, moveToStage } from './opportunities.ts';
import { HIRED_ARCHIVE_REASON_ID } from './seed.ts';
import type { Delivery, Offer, Opportunity } from './types.ts';

/** What a hire records; times are epoch milliseconds, as Lever's API writes them. */
export interface HireInput {
  /** When the offer was sent; without it the offer counts as sent outside Lever (`sentAt: null`). */
  offerSentAt?: number | null;
  /** The offer's `anticipated_start_date` field. */
  anticipatedStartDate?: number | null;
  /** `archived.archivedAt`; default now. */
  hiredAt?: number;
  /** The offer's `job_title` (default: the posting's title). */
  jobTitle?: string;
  /** The offer's `salary_amount` and `salary_interval` (e.g. `per-hour-wage`); absent by default. */
  salaryAmount?: number;
  salaryInterval?: string;
}

export class HireError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Bad input is refused before anything changes, so a refused hire leaves no offer behind. */
function checkInput(ctx: EmulatorContext, opportunityId: string, input: HireInput): Opportunity {
  const opportunity = liveOpportunity(ctx, opportunityId);
  if (!opportunity) throw new HireError(404, `opportunities ${opportunityId} was not found`);
  if (opportunity.archived !== null) {
    throw new HireError(409, `opportunities ${opportunityId} is already archived`);
  }
  const now = ctx.clock.now();
  const hiredAt = input.hiredAt ?? now;
  if (hiredAt > now) {
    throw new HireError(
      400,
      `hiredAt is in the future (the emulator's clock says ${now}; move it with POST /_emulator/clock)`,
    );
  }
  if (input.offerSentAt != null && input.offerSentAt > hiredAt) {
    throw new HireError(400, 'offerSentAt is after hiredAt: the offer is sent before the hire');
  }
  return opportunity;
}

function createOffer(
  ctx: EmulatorContext,
  opportunity: Opportunity,
  input: HireInput,
  hiredAt: number,
  userId: string | null,
): Offer {
  const application = ctx.state.applications.get(opportunity.applicationIds[0] ?? '');
  const posting = application ? ctx.state.postings.get(application.postingId) : undefined;
  const sentAt = input.offerSentAt ?? null;
  const createdAt = sentAt ?? hiredAt;
  const offer: Offer = {
    id: newId(),
    opportunityId: opportunity.id,
    createdAt,
    creatorId: userId ?? posting?.ownerId ?? [...ctx.state.users.values()][0]!.id,
    // Sent through Lever and signed by the candidate, or handed over outside Lever.
    status: sentAt === null ? 'sent-manually' : 'signed',
    approvedAt: createdAt,
    sentAt,
    signedAt: sentAt === null ? null : hiredAt,
    postingId: posting?.id ?? null,
    jobTitle: input.jobTitle ?? posting?.text ?? null,
    anticipatedStartDate: input.anticipatedStartDate ?? null,
    salaryAmount: input.salaryAmount ?? null,
    salaryInterval: input.salaryInterval ?? null,
  };
  ctx.state.offers.set(offer.id, offer);
  return offer;
}

/**
 * Lever's hire, as a recruiter does it: an offer (when dates are given), the Offer stage, then
 * archive with the `hired` reason. Emits candidateStageChange, candidateArchiveChange and
 * candidateHired `{opportunityId, candidateId, contactId}` to the webhooks whose group is on.
 */
export function hireOpportunity(
  ctx: EmulatorContext,
  opportunityId: string,
  input: HireInput,
  userId: string | null = null,
): { opportunity: Opportunity; offer: Offer | null; deliveries: Delivery[] } {
  const opportunity = checkInput(ctx, opportunityId, input);
  const now = ctx.clock.now();
  const hiredAt = input.hiredAt ?? now;
  const wantsOffer =
    input.offerSentAt != null ||
    input.anticipatedStartDate != null ||
    input.jobTitle !== undefined ||
    input.salaryAmount !== undefined;
  const offer = wantsOffer ? createOffer(ctx, opportunity, input, hiredAt, userId) : null;
  if (opportunity.stageId !== 'offer') moveToStage(ctx, opportunity, 'offer', userId);
  const toArchived = { archivedAt: hiredAt, reason: HIRED_ARCHIVE_REASON_ID };
  opportunity.archived = toArchived;
  opportunity.updatedAt = now;
  const ids = { opportunityId: opportunity.id, contactId: opportunity.contactId };
  ctx.webhooks.emit(
    'candidateArchiveChange',
    { ...ids, fromArchived: null, toArchived },
    opportunity.origin,
  );
  const deliveries = ctx.webhooks.emit(
    'candidateHired',
    {
      opportunityId: opportunity.id,
      candidateId: opportunity.id,
      contactId: opportunity.contactId,
    },
    opportunity.origin,
  );
  return { opportunity, offer, deliveries };
}
