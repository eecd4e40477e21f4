import type { FastifyInstance } from 'fastify';
import type { LeverIntegration as LeverIntegrationDto } from '@eligo/shared/schemas/integrations';
import {
  LEVER_WEBHOOK_EVENT_LABELS,
  LEVER_WEBHOOK_EVENTS,
  type LeverEventWebhook,
  type WebhookEventState,
} from '@eligo/shared/schemas/lever-tile';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { userModel } from '../../users/index.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { reconcileView } from '../sync/reconcile-state.ts';
import { activitySummary } from '../webhooks/activity.ts';
import { unusableDeliveries } from '../webhooks/inbox.ts';
import type { LeverWebhookSecret } from '../webhooks/webhook-secret.model.ts';
import { webhookSecrets } from '../webhooks/webhook-secrets.ts';
import { webhookUrl } from '../webhooks/webhook-url.ts';
import { grantOf } from './grant.ts';
import type { LeverHealth } from './health.model.ts';
import { leverHealthModel } from './health.model.ts';
import { leverWebhooksPageUrl } from './lever-pages.ts';
import { missingOptionalScopes } from './scopes.ts';
import { tileStatus } from './tile-status.ts';

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Lever's last answer about one event's webhook (older health documents: Application created). */
function foundOf(health: LeverHealth | null, event: string): boolean | null | undefined {
  const found = health?.found as Record<string, boolean | null | undefined> | undefined;
  if (found && found[event] !== undefined) return found[event];
  return event === 'applicationCreated' ? health?.webhookFound : undefined;
}

function eventState(
  secrets: LeverWebhookSecret[],
  found: boolean | null | undefined,
  received: boolean,
): WebhookEventState {
  if (secrets.length === 0 || found === false) return 'missing';
  if (received) return 'receiving';
  return found === null ? 'unknown' : 'waiting';
}

/**
 * The tile of the ATS Integrations screen: the integration with each event's webhook, health,
 * activity, what could not be used, the grant's end and the reconcile, reduced to one status
 * (README.md of this room, "The tile's states").
 */
export async function toIntegrationDto(
  app: FastifyInstance,
  integration: LeverIntegrationDocument,
  now = Date.now(),
): Promise<LeverIntegrationDto> {
  const [health, secrets, activity, connectedBy, reconcile] = await Promise.all([
    leverHealthModel(app.mongo).findOne({
      _id: integration._id,
      organizationId: integration.organizationId,
    }),
    webhookSecrets(app, integration),
    activitySummary(app, integration),
    integration.connectedBy
      ? scoped(userModel(app.mongo), integration.organizationId).findById(integration.connectedBy)
      : null,
    reconcileView(app, integration),
  ]);
  const webhooks: LeverEventWebhook[] = await Promise.all(
    LEVER_WEBHOOK_EVENTS.map(async (event) => {
      const own = secrets.filter((s) => s.event === event);
      const newest = own.at(-1);
      const moments = activity.byEvent[event];
      return {
        event,
        label: LEVER_WEBHOOK_EVENT_LABELS[event],
        state: eventState(
          own,
          foundOf(health, event),
          Boolean(moments.lastEventAt || moments.lastPingAt),
        ),
        mode: newest?.mode ?? 'none',
        createdAt: iso(newest?.createdAt),
        lastEventAt: iso(moments.lastEventAt),
        lastPingAt: iso(moments.lastPingAt),
        unusable: await unusableDeliveries(app, integration, event),
      };
    }),
  );
  const applications = webhooks.find((w) => w.event === 'applicationCreated')!;
  const { status, statusDetail } = tileStatus({
    disconnected: integration.status === 'disconnected',
    webhooks,
    createRefused: health?.createRefused ?? null,
    problem: health?.problem ?? null,
    reconcileHours: reconcile.intervalHours,
  });
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
      mode: applications.mode,
      createdAt: applications.createdAt,
    },
    webhooks,
    webhooksApi: health?.createRefused ? 'refused' : 'available',
    grant: grantOf(integration, now),
    missingScopes: missingOptionalScopes(integration.scopes),
    reconcile,
    lastEventAt: iso(activity.lastEventAt),
    lastPingAt: iso(activity.lastPingAt),
    failedSignatures24h: activity.failedSignatures24h,
    unreadApplications: applications.unusable,
    health: {
      checkedAt: iso(health?.checkedAt),
      lastCheckFailed: health?.lastCheckFailed ?? false,
    },
    disconnectedAt: iso(integration.disconnectedAt),
    leverWebhooksPageUrl: app.config.lever ? leverWebhooksPageUrl(app.config.lever) : '',
  };
}
