import type { Types } from 'mongoose';
import { USPS_STATE_CODES } from '@eligo/shared/wotc/states';
import type { RegisterApplicantInput } from '../../applicants/index.ts';
import type { LeverApplication, LeverOpportunity, LeverPosting } from '../client/lever.types.ts';

/** What the inbox row says about the delivery (hints: the signature does not cover `data`). */
export interface DeliveryHints {
  organizationId: Types.ObjectId;
  integrationId: Types.ObjectId;
  opportunityId: string;
  applicationId: string | null;
  contactId: string | null;
  triggeredAt: Date;
}

const STATES = new Set<string>(USPS_STATE_CODES);
const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The expanded applications of an opportunity (ids alone, when Lever did not expand, are dropped). */
function applicationsOf(opportunity: LeverOpportunity): LeverApplication[] {
  return (opportunity.applications ?? []).filter(
    (a): a is LeverApplication => typeof a === 'object' && a !== null && typeof a.id === 'string',
  );
}

/**
 * The application the delivery is about: the one named by the delivery, else the newest one (a
 * delivery without `applicationId`, or one Lever has since merged into another opportunity).
 */
export function pickApplication(
  opportunity: LeverOpportunity,
  applicationId: string | null,
): LeverApplication | null {
  const applications = applicationsOf(opportunity);
  const named = applications.find((a) => a.id === applicationId);
  if (named) return named;
  return applications.reduce<LeverApplication | null>(
    (newest, a) => (!newest || (a.createdAt ?? 0) > (newest.createdAt ?? 0) ? a : newest),
    null,
  );
}

/** The posting id of an application (`posting` is an id, or an object when expanded). */
export function postingIdOf(application: LeverApplication | null): string | null {
  const posting = application?.posting as unknown;
  if (typeof posting === 'string') return text(posting);
  if (typeof posting === 'object' && posting !== null)
    return text((posting as { id?: unknown }).id);
  return null;
}

/** The first email of the opportunity, else of the application, else of an expanded contact. */
export function emailOf(
  opportunity: LeverOpportunity,
  application: LeverApplication | null,
): string | null {
  const contactEmails =
    typeof opportunity.contact === 'object' && opportunity.contact !== null
      ? (opportunity.contact.emails ?? [])
      : [];
  for (const candidate of [...(opportunity.emails ?? []), application?.email, ...contactEmails]) {
    const email = text(candidate);
    if (email) return email;
  }
  return null;
}

/** `"Austin, TX"` or `"Austin, TX, United States"` → `TX`; anything else → null. */
export function stateOf(location: unknown): string | null {
  const parts = (text(location) ?? '').split(',').map((part) => part.trim().toUpperCase());
  return parts.slice(1).find((part) => STATES.has(part)) ?? null;
}

/**
 * Lever's opportunity (with `expand=applications`) and the posting, turned into the applicant to
 * register (docs/applicants.md, "Processing an application").
 */
export function applicantInputFrom(
  hints: DeliveryHints,
  opportunity: LeverOpportunity,
  application: LeverApplication | null,
  posting: LeverPosting | null,
): RegisterApplicantInput {
  const appliedAt = application?.createdAt ?? opportunity.createdAt;
  return {
    organizationId: hints.organizationId,
    integrationId: hints.integrationId,
    lever: {
      opportunityId: opportunity.id,
      applicationId: application?.id ?? hints.applicationId,
      contactId:
        (typeof opportunity.contact === 'string' ? opportunity.contact : opportunity.contact?.id) ??
        hints.contactId,
      postingId: postingIdOf(application),
    },
    name: text(opportunity.name) ?? text(application?.name) ?? '',
    email: emailOf(opportunity, application),
    postingTitle: text(posting?.text),
    appliedAt: typeof appliedAt === 'number' ? new Date(appliedAt) : hints.triggeredAt,
    state: stateOf(opportunity.location),
    confidential:
      opportunity.confidentiality === 'confidential' || posting?.confidentiality === 'confidential',
    anonymized: opportunity.isAnonymized === true,
  };
}
