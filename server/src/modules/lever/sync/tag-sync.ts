import type { FastifyInstance } from 'fastify';
import type { WotcStatus } from '@eligo/shared/schemas/applicants';
import { wotcTag } from '@eligo/shared/schemas/organization';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { organizationModel } from '../../organizations/index.ts';
import { type Actor, type Applicant, applicantModel, recordEvent } from '../../applicants/index.ts';
import { LEVER_JOBS, type TagJobPayload } from '../lever.jobs.ts';

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

/**
 * Queues the job that writes the applicant's tag to Lever — after an evaluation, an override or an
 * admin's retry — with `tagSync.state` already `pending`. One job per request (`requestedAt`), so
 * repeated calls for one request queue it once; the job reads the tag to write when it runs.
 * Applicants that did not come through a Lever integration have nowhere to be tagged.
 */
async function requestTagSync(
  app: FastifyInstance,
  applicant: ApplicantRef,
  integrationId: string | null | undefined,
  requestedAt: Date,
): Promise<void> {
  if (!integrationId) return;
  await app.jobs.enqueue<TagJobPayload>(
    LEVER_JOBS.tag,
    { applicantId: applicant._id.toHexString() },
    {
      key: `${applicant._id.toHexString()}:${requestedAt.getTime()}`,
      organizationId: applicant.organizationId,
      // The applicant stores the integration's id as its hex string: jobGroupOf's form already.
      group: integrationId,
    },
  );
}

/**
 * Lever's part of "status decided" (the applicants module's event): the applicant's tag is
 * requested again for the status just decided.
 */
export function syncTagOnStatusDecided(app: FastifyInstance): void {
  app.applicants.onStatusDecided(({ applicant, status, actor }) =>
    scheduleTagSync(app, applicant, status, actor),
  );
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
  const stored = await applicantModel(app.mongo).findOneAndUpdate(
    Applicants.filter({ _id: applicant._id }),
    {
      $set: {
        'tagSync.state': 'pending',
        'tagSync.tag': tag,
        'tagSync.reason': null,
        'tagSync.nextRetryAt': null,
        'tagSync.updatedAt': now,
      },
    },
    { projection: { 'lever.integrationId': 1 } },
  );
  await recordEvent(app, applicant, 'tag_sync_requested', { actor, data: { tag }, at: now });
  await requestTagSync(app, applicant, stored?.lever?.integrationId, now);
}

/** What the tag job reports back, stored on the applicant and its timeline. */
export type TagSyncOutcome =
  | { state: 'synced' }
  | { state: 'failed'; reason: string; nextRetryAt: Date | null }
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
