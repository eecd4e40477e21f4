import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { retryDelay } from '../../../lib/jobs/backoff.ts';
import { PauseJobGroup, PermanentFailure, RetryLater } from '../../../lib/jobs/errors.ts';
import type { JobContext, JobDefinition } from '../../../lib/jobs/runner.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { type ApplicantDocument, applicantModel } from '../../applicants/index.ts';
import { recordTagSyncOutcome } from './tag-sync.ts';
import type { TagJobPayload } from '../lever.jobs.ts';
import type { LeverAccountClient } from '../client/lever.client.ts';
import { asJobFailure, isNotFound } from './lever-failures.ts';

/** Any Eligo WOTC tag, whatever the prefix it was written with (`Acme-WOTC:Not Qualified`). */
const WOTC_TAG = /-WOTC:(Pre|Not) Qualified$/;
/** A status changed while we wrote: write again, at most this many times in one attempt. */
const MAX_ROUNDS = 3;

/**
 * Makes the opportunity's WOTC tags match `tag`: removes every other Eligo WOTC tag (the opposite
 * status, or one written under an earlier prefix), then adds `tag` unless it is there. Reads the
 * tags first, so a rerun changes nothing that is already right.
 */
async function writeTag(lever: LeverAccountClient, opportunityId: string, tag: string) {
  const opportunity = await lever.getOpportunity(opportunityId);
  const tags = opportunity.tags ?? [];
  const stale = tags.filter((t) => WOTC_TAG.test(t) && t !== tag);
  if (stale.length > 0) await lever.removeTags(opportunityId, stale);
  if (!tags.includes(tag)) await lever.addTags(opportunityId, [tag]);
}

/**
 * The tag the applicant should carry now, or null when nothing is to be written: pending, failed,
 * or dead (a dead job revived when Lever answered again, or retried by an admin, tries once more).
 */
const wanted = (applicant: ApplicantDocument | null) =>
  ['pending', 'failed', 'dead'].includes(applicant?.tagSync?.state ?? '')
    ? (applicant!.tagSync.tag ?? null)
    : null;

/**
 * Writes an applicant's `<prefix>-WOTC:…` tag to their Lever opportunity (docs/applicants.md, "Tags
 * in Lever") and records the outcome on the applicant: synced; failed with the next retry (429,
 * 5xx, Lever away — retried with backoff, `Retry-After` honoured); dead (404: the opportunity was
 * deleted — not retried; or LEVER_RETRY_HOURS ran out — revived once Lever answers again); paused
 * while the integration is Disconnected.
 */
export function tagJob(app: FastifyInstance): JobDefinition<TagJobPayload>['handler'] {
  return async function handle(job: JobContext<TagJobPayload>) {
    const { payload, organizationId, signal } = job;
    if (!organizationId) throw new PermanentFailure('The job names no organization');
    const Applicants = scoped(applicantModel(app.mongo), new Types.ObjectId(organizationId));
    let applicant = await Applicants.findById(payload.applicantId);
    let tag = wanted(applicant);
    if (!applicant || !tag || !applicant.lever?.integrationId) return;
    const ref = { _id: applicant._id, organizationId: applicant.organizationId };
    const { opportunityId } = applicant.lever;
    const lever = app.lever.client(new Types.ObjectId(applicant.lever.integrationId), { signal });
    try {
      for (let round = 1; tag; round += 1) {
        await writeTag(lever, opportunityId, tag);
        // An override may have changed the status meanwhile: the newest wish wins.
        applicant = await Applicants.findById(payload.applicantId);
        const now = wanted(applicant);
        if (now === tag || !now || round >= MAX_ROUNDS) break;
        tag = now;
      }
    } catch (error) {
      // Stopped by a shutdown: the job is released to another instance, nothing to record.
      if (signal.aborted) throw error;
      throw await recordFailure(app, ref, error, job);
    }
    if (wanted(applicant) === tag) await recordTagSyncOutcome(app, ref, { state: 'synced' });
  };
}

/**
 * Records on the applicant what the job does next, and returns what to throw to the jobs module:
 * 404 → dead (not retried); Disconnected → waiting for Reconnect (the group pauses); a permanent
 * refusal or the last attempt → dead; else failed, with the moment of the next try.
 */
async function recordFailure(
  app: FastifyInstance,
  ref: Pick<ApplicantDocument, '_id' | 'organizationId'>,
  error: unknown,
  job: Pick<JobContext<TagJobPayload>, 'lastAttempt' | 'countedAttempt' | 'backoff'>,
): Promise<unknown> {
  if (isNotFound(error)) {
    const reason = 'The opportunity no longer exists in Lever (deleted)';
    await recordTagSyncOutcome(app, ref, { state: 'dead', reason });
    return new PermanentFailure(reason);
  }
  const failure = asJobFailure(error);
  if (failure instanceof PauseJobGroup) {
    await recordTagSyncOutcome(app, ref, {
      state: 'failed',
      reason: failure.reason,
      nextRetryAt: null,
    });
    return failure;
  }
  if (failure instanceof PermanentFailure || job.lastAttempt) {
    await recordTagSyncOutcome(app, ref, { state: 'dead', reason: messageOf(failure) });
    return failure;
  }
  // Our own draw of the backoff, passed on as the floor: the next try is not before `nextRetryAt`.
  const afterMs = retryDelay(
    job.countedAttempt,
    job.backoff,
    failure instanceof RetryLater ? failure.afterMs : 0,
  );
  await recordTagSyncOutcome(app, ref, {
    state: 'failed',
    reason: messageOf(failure),
    nextRetryAt: new Date(Date.now() + afterMs),
  });
  return new RetryLater(messageOf(failure), { afterMs });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
