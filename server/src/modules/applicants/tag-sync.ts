import type { FastifyInstance } from 'fastify';
import type { WotcStatus } from '@eligo/shared/schemas/applicants';
import { wotcTag } from '@eligo/shared/schemas/organization';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { organizationModel } from '../organizations/organization.model.ts';
import { applicantModel, type Applicant } from './applicant.model.ts';
import { recordEvent, type Actor } from './timeline.ts';

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

/**
 * THE HOOK for the Lever tag-sync job (next wave): called whenever an applicant's tag must be
 * (re)written — after an evaluation, an override or an admin's retry — with `tagSync.state` already
 * `pending` and `tagSync.tag` the tag to write. Today it does nothing on purpose: the job that reads
 * the opportunity's tags, removes the other WOTC tag and adds this one is not built yet. It must
 * stay idempotent: it can be called again for the same applicant at any time.
 */
export async function requestTagSync(
  _app: FastifyInstance,
  _applicant: ApplicantRef,
): Promise<void> {
  // Intentionally empty until the tag-sync job exists (docs/applicants.md, "Tags in Lever").
}

/**
 * Sets what the applicant's Lever tag should be for `status`: Pre Qualified and Not Qualified become
 * `<prefix>-WOTC:…` and are requested; Pending and Needs review write nothing (state `none`).
 */
export async function scheduleTagSync(
  app: FastifyInstance,
  applicant: ApplicantRef,
  status: WotcStatus,
  actor: Actor,
): Promise<void> {
  const Applicants = scoped(applicantModel(app.mongo), applicant.organizationId);
  const now = new Date();
  if (status !== 'pre_qualified' && status !== 'not_qualified') {
    await Applicants.updateOne(
      { _id: applicant._id },
      { $set: { 'tagSync.state': 'none', 'tagSync.tag': null, 'tagSync.updatedAt': now } },
    );
    return;
  }
  const organization = await organizationModel(app.mongo).findById(applicant.organizationId);
  const tag = wotcTag(organization?.tagPrefix ?? 'Eligo', status);
  await Applicants.updateOne(
    { _id: applicant._id },
    {
      $set: {
        'tagSync.state': 'pending',
        'tagSync.tag': tag,
        'tagSync.reason': null,
        'tagSync.nextRetryAt': null,
        'tagSync.updatedAt': now,
      },
    },
  );
  await recordEvent(app, applicant, 'tag_sync_requested', { actor, data: { tag }, at: now });
  await requestTagSync(app, applicant);
}

/** What the tag-sync job reports back (next wave), stored on the applicant and its timeline. */
export type TagSyncOutcome =
  | { state: 'synced' }
  | { state: 'failed'; reason: string; nextRetryAt: Date }
  | { state: 'dead'; reason: string };

export async function recordTagSyncOutcome(
  app: FastifyInstance,
  applicant: ApplicantRef,
  outcome: TagSyncOutcome,
): Promise<void> {
  const now = new Date();
  await scoped(applicantModel(app.mongo), applicant.organizationId).updateOne(
    { _id: applicant._id },
    {
      $set: {
        'tagSync.state': outcome.state,
        'tagSync.updatedAt': now,
        'tagSync.syncedAt': outcome.state === 'synced' ? now : null,
        'tagSync.reason': outcome.state === 'synced' ? null : outcome.reason,
        'tagSync.nextRetryAt': outcome.state === 'failed' ? outcome.nextRetryAt : null,
      },
    },
  );
  const type =
    outcome.state === 'synced'
      ? 'tag_synced'
      : outcome.state === 'failed'
        ? 'tag_sync_failed'
        : 'tag_sync_dead';
  await recordEvent(app, applicant, type, {
    at: now,
    data: outcome.state === 'synced' ? {} : { reason: outcome.reason },
  });
}
