import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { effectiveTimeZone } from '@eligo/shared/filing';
import { PermanentFailure, RetryLater } from '../../../lib/jobs/errors.ts';
import type { JobContext } from '../../../lib/jobs/runner.ts';
import { applicantIdFor, applicantModel, recordLeverHire } from '../../applicants/index.ts';
import { loadEmployerProfile } from '../../organizations/index.ts';
import type { LeverOffer } from '../client/lever.types.ts';
import { hasScope } from '../connect/scopes.ts';
import type { HireJobPayload } from '../lever.jobs.ts';
import { leverInboxModel, type InboxStatus } from '../webhooks/inbox.model.ts';
import { hireFactsFrom } from './hire-facts.ts';
import { asJobFailure, isForbidden, isNotFound } from './lever-failures.ts';

/** A hire reported before its application was processed waits this long between looks. */
const WAIT_FOR_APPLICATION_MS = 30_000;

export const HIRE_JOB_SETTINGS = { maxAttempts: 10, baseDelayMs: 2_000, timeoutMs: 2 * 60_000 };

/**
 * Records a hire from Lever on its applicant (docs/filing.md §2): the day the opportunity was
 * archived as hired, and — when the grant has `offers:read:admin` — the offer's sent day,
 * anticipated start, job title and hourly wage; without the scope those are left for an admin.
 * One job per integration and opportunity, queued by the `candidateHired` webhook or by the
 * reconcile (`hireJobKey`). Hires of opportunities Eligo never screened cost no Lever call.
 */
export function hireJob(app: FastifyInstance) {
  const Inbox = leverInboxModel(app.mongo);
  return async function handle({ payload, organizationId, signal }: JobContext<HireJobPayload>) {
    if (!organizationId) throw new PermanentFailure('The job names no organization');
    const orgId = new Types.ObjectId(organizationId);
    const integrationId = new Types.ObjectId(payload.integrationId);
    const { opportunityId } = payload;
    /** The `candidateHired` rows of this opportunity: this job is their processing. */
    const settle = (status: InboxStatus, failure: string | null = null) =>
      Inbox.updateMany(
        {
          organizationId: orgId,
          integrationId,
          opportunityId,
          event: 'candidateHired',
          status: 'received',
        },
        { $set: { status, failure, processedAt: new Date() } },
      );

    const screened = await applicantModel(app.mongo).exists({
      _id: applicantIdFor(orgId, opportunityId),
      organizationId: orgId,
    });
    if (!screened) {
      // Hired before its own application was processed (both arrive close together): wait for it.
      const pending = await Inbox.exists({
        organizationId: orgId,
        integrationId,
        opportunityId,
        event: 'applicationCreated',
        status: { $in: ['received', 'held'] },
      });
      if (pending) {
        throw new RetryLater('Its application is not processed yet', {
          afterMs: WAIT_FOR_APPLICATION_MS,
        });
      }
      await settle('processed');
      return;
    }

    const lever = app.lever.client(integrationId, { signal });
    let facts;
    try {
      const integration = await app.lever.tokens.load(integrationId);
      const archivedAt =
        payload.archivedAt ??
        (await lever.getOpportunity(opportunityId)).archived?.archivedAt ??
        null;
      let offers: LeverOffer[] = [];
      if (hasScope(integration.scopes, 'offers:read:admin')) {
        // A grant that lost the scope since: the dates are left for the admin, as without it.
        offers = await lever.getOffers(opportunityId).catch((error: unknown) => {
          if (isForbidden(error)) return [];
          throw error;
        });
      }
      const timeZone = effectiveTimeZone(await loadEmployerProfile(app, orgId));
      facts = hireFactsFrom({ archivedAt, triggeredAt: payload.triggeredAt, offers, timeZone });
    } catch (error) {
      if (signal.aborted) throw error;
      if (isNotFound(error) || isForbidden(error)) {
        const reason = isNotFound(error)
          ? 'The opportunity was deleted in Lever before Eligo could read the hire'
          : 'Lever refused to show the opportunity (confidential, and Eligo has no confidential access)';
        await settle('failed', reason);
        throw new PermanentFailure(reason);
      }
      throw asJobFailure(error);
    }
    await recordLeverHire(app, {
      organizationId: orgId,
      opportunityId,
      facts,
      source: payload.source,
    });
    await settle('processed');
  };
}
