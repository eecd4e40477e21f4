import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { formatMailDate } from '@eligo/shared/mail-date';
import { PermanentFailure } from '../../../lib/jobs/errors.ts';
import type { JobContext } from '../../../lib/jobs/runner.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { organizationModel } from '../../organizations/index.ts';
import { userModel } from '../../users/index.ts';
import { leverIntegrationModel } from '../integration.model.ts';
import { LEVER_JOBS, type GrantWarningPayload } from '../lever.jobs.ts';
import { dueWarning, grantedAtOf, grantOf } from './grant.ts';
import { SCREEN_PATH } from './integrations.routes.ts';

/**
 * Emails every active admin of each organization whose Lever grant ends within 30 days (and again
 * within 7): Lever ends an authorization a year after it was given, used or not, and only a
 * Reconnect by a Lever Super Admin renews it. A periodic task on every instance; each email is a
 * job keyed by (integration, grant, threshold, admin), so it goes out once whatever the number of
 * instances or runs, and a Reconnect (a new grant) starts afresh. Returns how many were queued.
 */
export async function warnExpiringGrants(app: FastifyInstance, now = Date.now()): Promise<number> {
  const integrations = await leverIntegrationModel(app.mongo).find({ status: 'connected' }, null, {
    skipTenant: true,
  });
  let queued = 0;
  for (const integration of integrations) {
    const { daysLeft } = grantOf(integration, now);
    const threshold = dueWarning(daysLeft);
    if (threshold === null) continue;
    const admins = await scoped(userModel(app.mongo), integration.organizationId).find(
      { role: 'admin', status: 'active' },
      { _id: 1 },
    );
    const grant = grantedAtOf(integration).getTime();
    for (const admin of admins) {
      const userId = admin._id.toHexString();
      const { created } = await app.jobs.enqueue<GrantWarningPayload>(
        LEVER_JOBS.grantWarning,
        {
          integrationId: integration._id.toHexString(),
          userId,
          threshold,
          grantedAt: grant,
          daysLeft,
        },
        {
          key: `${integration._id.toHexString()}:${grant}:${threshold}:${userId}`,
          organizationId: integration.organizationId,
        },
      );
      if (created) queued += 1;
    }
  }
  return queued;
}

/** The email itself: when access ends, why, and how to renew it. */
export function grantWarningJob(app: FastifyInstance) {
  return async function handle({ id, payload, organizationId }: JobContext<GrantWarningPayload>) {
    if (!organizationId) throw new PermanentFailure('The job names no organization');
    const orgId = new Types.ObjectId(organizationId);
    const [integration, user, organization] = await Promise.all([
      scoped(leverIntegrationModel(app.mongo), orgId).findById(payload.integrationId),
      scoped(userModel(app.mongo), orgId).findById(payload.userId),
      organizationModel(app.mongo).findById(orgId),
    ]);
    // Reconnected (a new grant), deleted or disconnected since, or the admin left: nothing to say.
    if (!integration || integration.status !== 'connected' || !user || user.status !== 'active')
      return;
    if (grantedAtOf(integration).getTime() !== payload.grantedAt) return;
    const grant = grantOf(integration, payload.grantedAt);
    const ends = formatMailDate(grant.expiresAt);
    const days = payload.daysLeft === 1 ? '1 day' : `${payload.daysLeft} days`;
    // Through the outbox (docs/reliability.md §4), once per warning job even if it runs again.
    await app.mail.enqueue(
      {
        to: user.email,
        subject: `Reconnect Lever: Eligo's access to Lever ends in ${days}`,
        text: [
          `Hello ${user.name},`,
          '',
          `Lever ends every integration's authorization one year after it was given, whether it is used or not. Eligo's access to ${organization?.name ?? 'your organization'}'s Lever account ends on ${ends}.`,
          'After that, new applications are not surveyed and hires are not recorded until Lever is reconnected.',
          '',
          `To renew it now, a Lever Super Admin opens ATS Integrations in Eligo and clicks Reconnect on the Lever tile: ${app.config.publicUrl}${SCREEN_PATH}`,
          'Reconnecting keeps everything Eligo knows; it only renews the authorization for another year.',
        ].join('\n'),
      },
      { organizationId: orgId, kind: 'lever.grant-warning', key: `lever-grant-warning:${id}` },
    );
  };
}
