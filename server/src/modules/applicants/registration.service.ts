import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { insertOnce } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { organizationModel } from '../organizations/index.ts';
import { applicantModel, type ApplicantDocument } from './applicant.model.ts';
import { applicantPostingModel } from './posting.model.ts';
import { splitName } from './search-keys.ts';
import { recordEvent } from './timeline.ts';

/** What the Lever webhook processing knows about a new application. */
export interface RegisterApplicantInput {
  organizationId: Types.ObjectId;
  /** The Eligo integration the delivery came through. */
  integrationId: Types.ObjectId | null;
  lever: {
    opportunityId: string;
    applicationId?: string | null;
    /** The contact (person); `candidateId` is Lever's deprecated name for the opportunity. */
    contactId?: string | null;
    postingId?: string | null;
  };
  /** The opportunity's `name`, exactly as Lever gives it ('' when it has none). */
  name: string;
  /** The opportunity's first email, else the application's; null when Lever has none. */
  email: string | null;
  postingTitle: string | null;
  /** The application's `createdAt` (the moment they applied). */
  appliedAt: Date;
  /** USPS code of the applicant's state when Lever's data says it (prefills the survey). */
  state?: string | null;
  /** The posting or opportunity is confidential in Lever: its title is not stored. */
  confidential?: boolean;
  /** Lever says the candidate was anonymized: no name or email is stored, no survey is sent. */
  anonymized?: boolean;
}

export interface RegisterApplicantResult {
  applicant: ApplicantDocument;
  /** False when the applicant already existed (a redelivery, a retried job, a race). */
  created: boolean;
}

/**
 * The applicant's id, derived from the organization and the Lever opportunity: one applicant per
 * organization and opportunity is then guaranteed by the unique `_id` index: of racing inserts,
 * one wins on MongoDB and FerretDB 2 (keyed on `_id`, not a secondary unique index, on which
 * FerretDB 2 may answer `deadlock detected`).
 */
export function applicantIdFor(
  organizationId: Types.ObjectId,
  opportunityId: string,
): Types.ObjectId {
  const digest = createHash('sha256')
    .update(`lever-opportunity:${organizationId.toHexString()}:${opportunityId}`)
    .digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}

/**
 * Creates the applicant of a Lever application, once: calling it again (concurrently or later)
 * returns the existing applicant with `created: false` and changes nothing. The survey is sent
 * separately by `inviteApplicant`.
 */
export async function registerApplicant(
  app: FastifyInstance,
  input: RegisterApplicantInput,
): Promise<RegisterApplicantResult> {
  const { organizationId } = input;
  const Applicants = scoped(applicantModel(app.mongo), organizationId);
  const _id = applicantIdFor(organizationId, input.lever.opportunityId);

  const existing = await Applicants.findById(_id);
  if (existing) {
    // A retry after a crash between the insert and the events completes them (they are once-only).
    await recordArrival(app, existing);
    return { applicant: existing, created: false };
  }

  const organization = await organizationModel(app.mongo).findById(organizationId);
  if (!organization) throw new Error(`No organization ${organizationId.toHexString()}`);

  const anonymized = input.anonymized === true;
  const confidential = input.confidential === true;
  const name = anonymized ? '' : input.name.trim().replace(/\s+/g, ' ');
  const email = anonymized ? '' : (input.email?.trim() ?? '');
  const inserted = await insertOnce(() =>
    Applicants.create({
      _id,
      name,
      ...splitName(name),
      email,
      lever: {
        // Stored as its hex string (the applicant's reference to where it came from).
        integrationId: input.integrationId?.toHexString() ?? null,
        opportunityId: input.lever.opportunityId,
        applicationId: input.lever.applicationId ?? null,
        contactId: input.lever.contactId ?? null,
        postingId: input.lever.postingId ?? null,
      },
      postingTitle: confidential ? null : input.postingTitle,
      appliedAt: input.appliedAt,
      confidential,
      anonymized,
      language: organization.surveyLanguage,
      state: input.state ?? null,
      survey: {
        status: email || anonymized ? 'not_sent' : 'missing_email',
      } as ApplicantDocument['survey'],
    }),
  );
  if (!inserted.won) {
    const winner = await Applicants.findById(_id);
    if (!winner) throw new Error(`Applicant ${_id.toHexString()} lost its insert race to nobody`);
    return { applicant: winner, created: false };
  }
  await recordArrival(app, inserted.value);
  return { applicant: inserted.value, created: true };
}

/** Keeps the posting (and its latest title) on the dashboard's posting filter. */
async function recordPosting(app: FastifyInstance, applicant: ApplicantDocument): Promise<void> {
  const postingId = applicant.lever?.postingId;
  if (!postingId) return;
  const Postings = scoped(applicantPostingModel(app.mongo), applicant.organizationId);
  const _id = `${applicant.organizationId.toHexString()}:${postingId}`;
  const title = applicant.postingTitle;
  const known = await Postings.findOne({ _id });
  if (known) {
    if (known.title !== title) {
      await Postings.updateOne({ _id }, { $set: { title, updatedAt: new Date() } });
    }
    return;
  }
  // Another application of this posting may insert it at the same moment: either is right.
  await insertOnce(() => Postings.create({ _id, postingId, title, updatedAt: new Date() }));
}

async function recordArrival(app: FastifyInstance, applicant: ApplicantDocument): Promise<void> {
  await recordPosting(app, applicant);
  await recordEvent(app, applicant, 'received', {
    actor: { kind: 'lever' },
    at: applicant.createdAt,
    once: 'received',
    data: {
      postingTitle: applicant.postingTitle,
      confidential: applicant.confidential,
      anonymized: applicant.anonymized,
    },
  });
  if (applicant.survey.status === 'missing_email') {
    await recordEvent(app, applicant, 'missing_email', {
      at: applicant.createdAt,
      once: 'missing_email',
    });
  }
}
