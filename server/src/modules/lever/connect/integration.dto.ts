import type { FastifyInstance } from 'fastify';
import type {
  IntegrationStatus,
  LeverIntegration as LeverIntegrationDto,
} from '@eligo/shared/schemas/integrations';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { userModel } from '../../users/index.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { activitySummary } from '../webhooks/activity.ts';
import { unreadApplications } from '../webhooks/inbox.ts';
import { webhookSecrets } from '../webhooks/webhook-secrets.ts';
import { webhookUrl } from '../webhooks/webhook-url.ts';
import { leverHealthModel } from './health.model.ts';

/**
 * The tile of the ATS Integrations screen: the integration with its webhook, health, activity and
 * what the receiver could not read, reduced to one status (README.md, "The tile's states").
 */
export async function toIntegrationDto(
  app: FastifyInstance,
  integration: LeverIntegrationDocument,
): Promise<LeverIntegrationDto> {
  const [health, secrets, activity, connectedBy, unread] = await Promise.all([
    leverHealthModel(app.mongo).findOne({
      _id: integration._id,
      organizationId: integration.organizationId,
    }),
    webhookSecrets(app, integration),
    activitySummary(app, integration),
    integration.connectedBy
      ? scoped(userModel(app.mongo), integration.organizationId).findById(integration.connectedBy)
      : null,
    unreadApplications(app, integration),
  ]);
  const newest = secrets.at(-1);
  let status: IntegrationStatus;
  let statusDetail: string | null = null;
  if (integration.status === 'disconnected') {
    status = 'disconnected';
    statusDetail =
      'Lever access was revoked or has expired. Nothing is processed until you reconnect; new applications are kept until then.';
  } else if (secrets.length === 0 || health?.webhookFound === false) {
    status = 'webhook_missing';
    statusDetail =
      health?.problem ??
      'Our webhook is no longer in Lever: this integration will not receive applications. Regenerate the signature token, or create a new webhook manually.';
  } else if (health?.problem) {
    status = 'error';
    statusDetail = health.problem;
  } else if (activity.lastEventAt || activity.lastPingAt) {
    status = 'connected';
  } else {
    status = 'waiting';
    statusDetail =
      'Nothing received from Lever yet. Switch on "Application created" in Lever to start receiving applications.';
  }
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  return {
    id: integration._id.toHexString(),
    provider: 'lever',
    status,
    statusDetail,
    leverAccountId: integration.leverAccountId,
    connectedAt: integration.connectedAt.toISOString(),
    connectedBy: connectedBy?.name ?? null,
    webhook: {
      url: webhookUrl(app, integration),
      mode: newest?.mode ?? 'none',
      createdAt: iso(newest?.createdAt),
    },
    lastEventAt: iso(activity.lastEventAt),
    lastPingAt: iso(activity.lastPingAt),
    failedSignatures24h: activity.failedSignatures24h,
    unreadApplications: unread,
    health: {
      checkedAt: iso(health?.checkedAt),
      lastCheckFailed: health?.lastCheckFailed ?? false,
    },
    disconnectedAt: iso(integration.disconnectedAt),
    leverWebhooksPageUrl: app.config.lever
      ? `${app.config.lever.webUrl}/settings/integrations/webhooks`
      : '',
  };
}
