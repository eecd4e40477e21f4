import type { EmulatorContext } from '../context.ts';
import { newId } from '../ids.ts';
import type { Application, Contact, Opportunity, Origin } from './types.ts';

export interface NewOpportunityInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  postingId?: string | null;
  origin?: Origin;
  tags?: string[];
  sources?: string[];
  headline?: string;
  location?: string;
  confidential?: boolean;
  anonymized?: boolean;
  /** Delete the opportunity right after the applicationCreated event fired (fault for tests). */
  deleteAfterEvent?: boolean;
}

export interface CreatedOpportunity {
  opportunity: Opportunity;
  contact: Contact;
  application: Application | null;
}

export class UnknownPostingError extends Error {}

/** Lever dedupes people by email: a second opportunity for the same email shares the contact. */
function findOrCreateContact(ctx: EmulatorContext, input: NewOpportunityInput): Contact {
  const email = input.email?.trim() || null;
  if (email) {
    for (const contact of ctx.state.contacts.values()) {
      if (contact.emails.includes(email)) return contact;
    }
  }
  const contact: Contact = {
    id: newId(),
    name: input.anonymized ? '' : input.name,
    headline: input.headline ?? '',
    location: input.location ?? '',
    emails: email && !input.anonymized ? [email] : [],
    phones: input.phone && !input.anonymized ? [{ type: 'mobile', value: input.phone }] : [],
    isAnonymized: input.anonymized ?? false,
  };
  ctx.state.contacts.set(contact.id, contact);
  return contact;
}

/** Creates contact, opportunity and (with a posting) application, then emits applicationCreated. */
export function createOpportunity(
  ctx: EmulatorContext,
  input: NewOpportunityInput,
): CreatedOpportunity {
  const { state, clock } = ctx;
  const posting = input.postingId ? state.postings.get(input.postingId) : undefined;
  if (input.postingId && !posting) throw new UnknownPostingError(input.postingId);
  const now = clock.now();
  const contact = findOrCreateContact(ctx, input);
  const owner = posting?.ownerId ?? null;
  const stageId = posting ? 'applicant-new' : 'lead-new';
  const opportunity: Opportunity = {
    id: newId(),
    contactId: contact.id,
    stageId,
    stageChanges: [
      {
        toStageId: stageId,
        toStageIndex: state.stages.findIndex((s) => s.id === stageId),
        userId: null,
        updatedAt: now,
      },
    ],
    archived: null,
    tags: [...new Set(input.tags ?? [])],
    sources: input.sources ?? [posting ? 'Posting' : 'Added manually'],
    origin: input.origin ?? (posting ? 'applied' : 'sourced'),
    ownerId: owner,
    followerIds: owner ? [owner] : [],
    applicationIds: [],
    confidentiality:
      input.confidential || posting?.confidentiality === 'confidential'
        ? 'confidential'
        : 'non-confidential',
    createdAt: now,
    updatedAt: now,
    lastInteractionAt: now,
    lastAdvancedAt: now,
    deletedAt: null,
    deletedBy: null,
  };
  let application: Application | null = null;
  if (posting) {
    application = {
      id: newId(),
      opportunityId: opportunity.id,
      createdAt: now,
      type: opportunity.origin === 'referred' ? 'referral' : 'posting',
      postingId: posting.id,
      name: contact.name,
      email: contact.emails[0] ?? null,
      phone: contact.phones[0] ?? null,
    };
    opportunity.applicationIds.push(application.id);
    state.applications.set(application.id, application);
  }
  state.opportunities.set(opportunity.id, opportunity);
  if (input.deleteAfterEvent) state.deleteAfterEvent.add(opportunity.id);
  if (application) {
    // `candidateIdOnly`: the shape of an older Lever, which named the opportunity id `candidateId`.
    const data =
      state.switches.applicationCreatedData === 'candidateIdOnly'
        ? { candidateId: opportunity.id }
        : { applicationId: application.id, contactId: contact.id, opportunityId: opportunity.id };
    ctx.webhooks.emit('applicationCreated', data, opportunity.origin);
  }
  if (state.deleteAfterEvent.delete(opportunity.id)) deleteOpportunity(ctx, opportunity.id, null);
  return { opportunity, contact, application };
}

/** Soft delete: the API answers 404 and `/opportunities/deleted` lists it; emits candidateDeleted. */
export function deleteOpportunity(
  ctx: EmulatorContext,
  opportunityId: string,
  userId: string | null,
): boolean {
  const opportunity = ctx.state.opportunities.get(opportunityId);
  if (!opportunity || opportunity.deletedAt !== null) return false;
  opportunity.deletedAt = ctx.clock.now();
  opportunity.deletedBy = userId;
  ctx.webhooks.emit(
    'candidateDeleted',
    { opportunityId, contactId: opportunity.contactId, deletedBy: userId },
    opportunity.origin,
  );
  return true;
}

export function liveOpportunity(ctx: EmulatorContext, id: string): Opportunity | undefined {
  const opportunity = ctx.state.opportunities.get(id);
  return opportunity && opportunity.deletedAt === null ? opportunity : undefined;
}

/** Add or remove tags; tags are exact, case-sensitive strings. Both touch `updatedAt`. */
export function changeTags(
  ctx: EmulatorContext,
  opportunity: Opportunity,
  tags: string[],
  mode: 'add' | 'remove',
): void {
  if (mode === 'add') opportunity.tags = [...new Set([...opportunity.tags, ...tags])];
  else opportunity.tags = opportunity.tags.filter((t) => !tags.includes(t));
  opportunity.updatedAt = ctx.clock.now();
}

/**
 * Moves the opportunity to a known stage, records the change (`stageChanges`, `lastAdvancedAt`,
 * `updatedAt`) and emits candidateStageChange. False (and nothing changed) for an unknown stage.
 */
export function moveToStage(
  ctx: EmulatorContext,
  opportunity: Opportunity,
  stageId: string,
  userId: string | null = null,
): boolean {
  const toStageIndex = ctx.state.stages.findIndex((s) => s.id === stageId);
  if (toStageIndex === -1) return false;
  const fromStageId = opportunity.stageId;
  const now = ctx.clock.now();
  opportunity.stageId = stageId;
  opportunity.stageChanges.push({ toStageId: stageId, toStageIndex, userId, updatedAt: now });
  opportunity.updatedAt = now;
  opportunity.lastAdvancedAt = now;
  ctx.webhooks.emit(
    'candidateStageChange',
    {
      opportunityId: opportunity.id,
      candidateId: opportunity.id,
      contactId: opportunity.contactId,
      fromStageId,
      toStageId: stageId,
    },
    opportunity.origin,
  );
  return true;
}
