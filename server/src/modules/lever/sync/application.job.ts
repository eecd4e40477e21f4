import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { JobContext } from '../../../lib/jobs/runner.ts';
import { PermanentFailure, RetryLater } from '../../../lib/jobs/errors.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { ttlCache, type TtlCache } from '../../../lib/ttl-cache.ts';
import { inviteApplicant } from '../../survey/index.ts';
import { registerApplicant } from '../../applicants/index.ts';
import { leverInboxModel, type LeverInboxItem } from '../webhooks/inbox.model.ts';
import type { ApplicationJobPayload } from '../lever.jobs.ts';
import type { LeverAccountClient } from '../client/lever.client.ts';
import { LeverApiError, LeverIntegrationGoneError } from '../client/lever.errors.ts';
import type { LeverPosting } from '../client/lever.types.ts';
import { applicantInputFrom, pickApplication, postingIdOf } from './application-input.ts';
import { asJobFailure, isForbidden, isNotFound } from './lever-failures.ts';

/** How long an instance reuses a posting it read (a burst of applications to one posting). */
const POSTING_CACHE_MS = 10 * 60_000;

/**
 * The posting (for its title), when Lever lets us read it (a confidential or deleted posting:
 * none). Reused for a few minutes per instance: a burst of applications to one posting would
 * otherwise spend half of the Lever request budget re-reading the same title.
 */
async function postingOf(
  cache: TtlCache<LeverPosting | null>,
  lever: LeverAccountClient,
  integrationId: Types.ObjectId,
  postingId: string | null,
): Promise<LeverPosting | null> {
  if (!postingId) return null;
  const key = `${integrationId.toHexString()}:${postingId}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let posting: LeverPosting | null;
  try {
    posting = await lever.getPosting(postingId);
  } catch (error) {
    if (!isNotFound(error) && !isForbidden(error)) throw error;
    posting = null;
  }
  cache.set(key, posting);
  return posting;
}

/** A claim of the invitation held by another caller (or one that died): look again this much later. */
const IN_PROGRESS_RETRY_MS = 30_000;

/**
 * Why Lever's refusal to give us the opportunity is final, in words for the admin: any answer Lever
 * will give again (a 4xx other than 408/429), not only 404 and 403.
 */
function refusal(error: unknown): string | null {
  if (error instanceof LeverIntegrationGoneError) return 'The Lever integration was deleted';
  if (isNotFound(error)) return 'The opportunity was deleted in Lever before Eligo could read it';
  if (isForbidden(error)) {
    return 'Lever refused to show the opportunity (confidential, and Eligo has no confidential access)';
  }
  if (error instanceof LeverApiError && !error.retryable)
    return `Lever refused to show the opportunity: ${error.message}`.slice(0, 300);
  return null;
}

/**
 * Processes one `applicationCreated` delivery (docs/applicants.md): reads the opportunity with its
 * applications and the posting from Lever (the delivery's `data` is only a hint), registers the
 * applicant (once per organization and opportunity) and sends the survey invitation (once). Every
 * step is idempotent, so a rerun after a crash finishes what is missing.
 */
export function applicationJob(app: FastifyInstance) {
  const Inbox = leverInboxModel(app.mongo);
  const postings = ttlCache<LeverPosting | null>(POSTING_CACHE_MS);

  return async function handle({
    payload,
    organizationId,
    signal,
  }: JobContext<ApplicationJobPayload>) {
    if (!organizationId) throw new PermanentFailure('The job names no organization');
    const orgId = new Types.ObjectId(organizationId);
    const rows = scoped(Inbox, orgId);
    const row = await rows.findOne({ _id: payload.inboxId });
    if (!row || row.status === 'failed' || !row.opportunityId) return;
    const settle = (update: Partial<LeverInboxItem>) =>
      rows.updateOne({ _id: row._id }, { $set: { ...update, processedAt: new Date() } });

    const { opportunityId } = row;
    let applicantId = row.applicantId;
    if (row.status !== 'processed' || !applicantId) {
      const lever = app.lever.client(row.integrationId, { signal });
      let input;
      try {
        const opportunity = await lever.getOpportunity(opportunityId, {
          expandApplications: true,
        });
        const application = pickApplication(opportunity, row.applicationId);
        const posting = await postingOf(
          postings,
          lever,
          row.integrationId,
          postingIdOf(application),
        );
        input = applicantInputFrom(
          {
            organizationId: orgId,
            integrationId: row.integrationId,
            opportunityId,
            applicationId: row.applicationId,
            contactId: row.contactId,
            triggeredAt: row.triggeredAt,
          },
          opportunity,
          application,
          posting,
        );
      } catch (error) {
        const reason = refusal(error);
        if (reason) {
          await settle({ status: 'failed', failure: reason });
          throw new PermanentFailure(reason);
        }
        throw asJobFailure(error);
      }
      const { applicant } = await registerApplicant(app, input);
      applicantId = applicant._id;
      await settle({ status: 'processed', applicantId });
    }
    const { outcome } = await inviteApplicant(app, {
      _id: applicantId,
      organizationId: row.organizationId,
    });
    // Another caller holds the invitation's claim (an admin's action, or a process that died
    // before queueing the email): this job looks again until the claim is settled or released.
    if (outcome === 'in_progress')
      throw new RetryLater('The survey invitation is being queued elsewhere', {
        afterMs: IN_PROGRESS_RETRY_MS,
      });
  };
}
