import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { JobContext } from '../../lib/jobs/runner.ts';
import { PermanentFailure } from '../../lib/jobs/errors.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { inviteApplicant } from '../applicants/invitation.service.ts';
import { registerApplicant } from '../applicants/registration.service.ts';
import { leverInboxModel, type LeverInboxItem } from '../lever/inbox.model.ts';
import type { ApplicationJobPayload } from '../lever/inbox.ts';
import { leverClient, type LeverAccountClient } from '../lever/lever.client.ts';
import { LeverIntegrationGoneError } from '../lever/lever.errors.ts';
import type { LeverPosting } from '../lever/lever.types.ts';
import { applicantInputFrom, pickApplication, postingIdOf } from './application-input.ts';
import { asJobFailure, isForbidden, isNotFound } from './lever-failures.ts';

/** The posting's title, when Lever lets us read it (a confidential or deleted posting: none). */
async function postingOf(
  lever: LeverAccountClient,
  postingId: string | null,
): Promise<LeverPosting | null> {
  if (!postingId) return null;
  try {
    return await lever.getPosting(postingId);
  } catch (error) {
    if (isNotFound(error) || isForbidden(error)) return null;
    throw error;
  }
}

/** Why Lever's refusal to give us the opportunity is final, in words for the admin. */
function refusal(error: unknown): string | null {
  if (error instanceof LeverIntegrationGoneError) return 'The Lever integration was deleted';
  if (isNotFound(error)) return 'The opportunity was deleted in Lever before Eligo could read it';
  if (isForbidden(error)) {
    return 'Lever refused to show the opportunity (confidential, and Eligo has no confidential access)';
  }
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

  return async function handle({
    payload,
    organizationId,
    signal,
  }: JobContext<ApplicationJobPayload>) {
    if (!organizationId) throw new PermanentFailure('The job names no organization');
    const rows = scoped(Inbox, new Types.ObjectId(organizationId));
    const row = await rows.findOne({ _id: payload.inboxId });
    if (!row || row.status === 'failed') return;
    const settle = (update: Partial<LeverInboxItem>) =>
      rows.updateOne({ _id: row._id }, { $set: { ...update, processedAt: new Date() } });

    if (row.status !== 'processed') {
      const lever = leverClient(app).forIntegration(row.integrationId, { signal });
      let input;
      try {
        const opportunity = await lever.getOpportunity(row.opportunityId, {
          expandApplications: true,
        });
        const application = pickApplication(opportunity, row.applicationId);
        const posting = await postingOf(lever, postingIdOf(application));
        input = applicantInputFrom(
          {
            organizationId,
            integrationId: row.integrationId.toHexString(),
            opportunityId: row.opportunityId,
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
      await settle({ status: 'processed', applicantId: applicant._id });
    }
    const applicantId = row.applicantId ?? (await rows.findOne({ _id: row._id }))?.applicantId;
    if (!applicantId) throw new Error('The processed delivery names no applicant');
    await inviteApplicant(app, { _id: applicantId, organizationId: row.organizationId });
  };
}
