import type { EmulatorContext } from '../context.ts';
import type { Application, Contact, Opportunity, Posting, User } from '../state/types.ts';

/** Storage records → Lever's response shapes (docs/lever-api.md §3, §4). */

export function toUser(user: User) {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    email: user.email,
    accessRole: user.accessRole,
    photo: null,
    createdAt: user.createdAt,
    deactivatedAt: null,
    externalDirectoryId: null,
    linkedContactIds: [],
    jobTitle: null,
    managerId: null,
  };
}

export function toContact(contact: Contact) {
  return {
    id: contact.id,
    name: contact.name,
    headline: contact.headline,
    isAnonymized: contact.isAnonymized,
    location: { name: contact.location },
    emails: contact.emails,
    phones: contact.phones,
  };
}

export function toApplication(ctx: EmulatorContext, application: Application) {
  const posting = ctx.state.postings.get(application.postingId);
  return {
    id: application.id,
    opportunityId: application.opportunityId,
    candidateId: application.opportunityId,
    createdAt: application.createdAt,
    type: application.type,
    posting: application.postingId,
    postingOwner: posting?.ownerId ?? null,
    postingHiringManager: posting?.hiringManagerId ?? null,
    user: null,
    name: application.name,
    email: application.email,
    phone: application.phone,
    company: null,
    links: null,
    comments: null,
    customQuestions: [],
    // The application is archived with its opportunity (at most one application each).
    archived: ctx.state.opportunities.get(application.opportunityId)?.archived ?? null,
    requisitionForHire: null,
  };
}

export function toPosting(ctx: EmulatorContext, posting: Posting) {
  const isPublic = posting.state === 'published';
  const site = `https://jobs.lever.co/${ctx.state.account.name.toLowerCase().replace(/\W+/g, '')}`;
  return {
    id: posting.id,
    text: posting.text,
    state: posting.state,
    distributionChannels: isPublic ? ['public', 'internal'] : null,
    confidentiality: posting.confidentiality,
    user: posting.ownerId,
    owner: posting.ownerId,
    hiringManager: posting.hiringManagerId,
    followers: [],
    categories: {
      team: posting.team,
      department: posting.department,
      location: posting.location,
      commitment: posting.commitment,
      level: null,
      allLocations: [posting.location],
    },
    tags: [],
    content: {
      description: `${posting.text} at ${ctx.state.account.name}.`,
      descriptionHtml: `<div>${posting.text} at ${ctx.state.account.name}.</div>`,
      lists: [],
      closing: '',
      closingHtml: '',
    },
    country: 'US',
    reqCode: null,
    requisitionCodes: [],
    urls: isPublic
      ? {
          list: site,
          show: `${site}/${posting.id}`,
          apply: `${site}/${posting.id}/apply`,
        }
      : null,
    workplaceType: posting.workplaceType,
    createdAt: posting.createdAt,
    updatedAt: posting.updatedAt,
  };
}

const userOrId = (ctx: EmulatorContext, id: string | null, expand: boolean) => {
  if (!expand || id === null) return id;
  const user = ctx.state.users.get(id);
  return user ? toUser(user) : id;
};

export function toOpportunity(ctx: EmulatorContext, opp: Opportunity, expand: Set<string>) {
  const contact = ctx.state.contacts.get(opp.contactId)!;
  const stage = ctx.state.stages.find((s) => s.id === opp.stageId);
  const applications = opp.applicationIds
    .map((id) => ctx.state.applications.get(id))
    .filter((a): a is Application => a !== undefined);
  const show = `https://${ctx.hireHost()}/candidates/${opp.id}`;
  return {
    id: opp.id,
    name: contact.name,
    headline: contact.headline,
    contact: expand.has('contact') ? toContact(contact) : contact.id,
    emails: contact.emails,
    phones: contact.phones,
    confidentiality: opp.confidentiality,
    location: contact.location,
    links: [],
    createdAt: opp.createdAt,
    updatedAt: opp.updatedAt,
    lastInteractionAt: opp.lastInteractionAt,
    lastAdvancedAt: opp.lastAdvancedAt,
    snoozedUntil: null,
    archived: opp.archived,
    stage: expand.has('stage') && stage ? { id: stage.id, text: stage.text } : opp.stageId,
    stageChanges: opp.stageChanges,
    owner: userOrId(ctx, opp.ownerId, expand.has('owner')),
    tags: opp.tags,
    sources: opp.sources,
    origin: opp.origin,
    sourcedBy: null,
    followers: opp.followerIds.map((id) => userOrId(ctx, id, expand.has('followers'))),
    applications: expand.has('applications')
      ? applications.map((a) => toApplication(ctx, a))
      : applications.map((a) => a.id),
    resume: null,
    urls: { list: `https://${ctx.hireHost()}/candidates`, show },
    dataProtection: null,
    isAnonymized: contact.isAnonymized,
    ...(opp.deletedAt !== null ? { deletedBy: opp.deletedBy, deletedAt: opp.deletedAt } : {}),
  };
}

/** `include=` keeps only the named fields (plus `id`); expanded fields are always kept. */
export function applyInclude<T extends Record<string, unknown>>(
  object: T,
  include: string[],
  expand: Set<string>,
): Partial<T> {
  if (include.length === 0) return object;
  const keep = new Set(['id', ...include, ...expand]);
  return Object.fromEntries(Object.entries(object).filter(([key]) => keep.has(key))) as Partial<T>;
}
