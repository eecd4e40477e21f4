import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import type { LeverDelivery, WebhookReceipt } from '@eligo/shared/schemas/integrations';
import { AppError } from '../../../lib/app-error.ts';
import { isDuplicateKeyError } from '../../../lib/unique-insert.ts';
import { recordActivity } from './activity.ts';
import { enqueueInboxItem } from './inbox.ts';
import { inboxKey, leverInboxModel } from './inbox.model.ts';
import { leverIntegrationModel, type LeverIntegrationDocument } from '../integration.model.ts';
import { leverSignatureMatches } from './signature.ts';
import { forgetWebhook, type CachedWebhook } from './webhook-cache.ts';
import { signatureTokens } from './webhook-secrets.ts';

/** Deliveries signed for the future by more than this are refused too (clock skew allowance). */
const FUTURE_SKEW_MS = 5 * 60_000;
/** FerretDB 2 may answer a race on a unique secondary index with "deadlock detected". */
const DEADLOCK_CODE = 16908292;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Lever's ids are UUIDs (docs/lever-api.md §2). */
const LEVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Why a signed delivery's ids cannot be Lever's (over-long, malformed), or null. The signature does
 * not cover `data`: such a delivery is refused for good at receipt rather than sent on to Lever,
 * which would answer 4xx (a 15,000-character id: 414) to every retry.
 */
function malformedIds(ids: Record<string, string | null>): string | null {
  const bad = Object.entries(ids).filter(([, id]) => id !== null && !LEVER_ID.test(id));
  if (bad.length === 0) return null;
  const described = bad.map(([name, id]) => `${name} (${id!.length} characters)`).join(', ');
  return `Lever sent a malformed id: ${described} is not a Lever id`;
}

/** An id as stored: a malformed one is shortened (the raw body keeps it whole). */
const stored = (id: string | null) => (id && id.length > 64 ? `${id.slice(0, 64)}…` : id);

export function webhookReceiver(app: FastifyInstance) {
  const Integrations = leverIntegrationModel(app.mongo);
  const Inbox = leverInboxModel(app.mongo);
  const { webhookMaxAgeMs } = app.config.leverSettings;

  async function load(publicId: string): Promise<CachedWebhook> {
    const integration = await Integrations.findOne({ publicId }, null, { skipTenant: true });
    if (!integration) throw AppError.notFound('No integration listens here');
    const known = { integration, tokens: await signatureTokens(app, integration) };
    // A Disconnected integration is never reused: a delivery right after Reconnect must not be
    // held on a stale status (Reconnect releases only what was held before it).
    if (integration.status !== 'disconnected') app.lever.webhookCache.set(publicId, known);
    else forgetWebhook(app, integration);
    return known;
  }

  /**
   * The integration and its signature tokens, from this instance's short cache when fresh. Stale
   * is safe: a delivery signed with a token newer than the cache (regenerated meanwhile) reloads
   * before it is refused; one stored for an integration deleted meanwhile ends as unreadable;
   * one stored as `received` after a disconnect waits in the paused job group.
   */
  async function verified(publicId: string, delivery: LeverDelivery) {
    const cached = app.lever.webhookCache.get(publicId);
    if (cached && leverSignatureMatches(cached.tokens, delivery)) {
      return cached.integration;
    }
    const { integration, tokens } = await load(publicId);
    await verify(integration, tokens, delivery);
    return integration;
  }

  async function verify(
    integration: LeverIntegrationDocument,
    tokens: string[],
    delivery: LeverDelivery,
  ) {
    if (!leverSignatureMatches(tokens, delivery)) {
      await recordActivity(app, integration, 'signatureFailure').catch(() => undefined);
      throw new AppError(
        ErrorCode.WebhookSignatureInvalid,
        'The signature does not match this webhook',
      );
    }
  }

  const fresh = (delivery: LeverDelivery) => {
    const age = Date.now() - delivery.triggeredAt;
    if (age > webhookMaxAgeMs || age < -FUTURE_SKEW_MS) {
      throw new AppError(ErrorCode.WebhookStale, 'This delivery is outside the replay window');
    }
  };

  async function insertOnce(doc: Record<string, unknown>): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await Inbox.create(doc);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        if ((error as { code?: number }).code === DEADLOCK_CODE && attempt < 3) continue;
        throw error;
      }
    }
  }

  /**
   * One delivery: 404 for an unknown integration, 401 for a bad signature or a stale delivery,
   * then by kind. An application is stored in the inbox before we answer (a database failure
   * surfaces as 503, so Lever retries); one whose ids are not Lever's is stored as failed and
   * answered `refused` (2xx: retrying cannot help); test pings and other events are only counted.
   */
  async function receive(
    publicId: string,
    delivery: LeverDelivery,
    rawBody: string,
  ): Promise<WebhookReceipt> {
    const integration = await verified(publicId, delivery);
    fresh(delivery);
    const data = delivery.data as Record<string, unknown>;
    if (Object.keys(data).length === 0) {
      await recordActivity(app, integration, 'ping');
      return { outcome: 'ping' };
    }
    const opportunityId = text(data.opportunityId);
    if (delivery.event !== 'applicationCreated' || !opportunityId) {
      await recordActivity(app, integration, 'ignored');
      return { outcome: 'ignored' };
    }
    const applicationId = text(data.applicationId);
    const contactId = text(data.contactId);
    const refused = malformedIds({ opportunityId, applicationId, contactId });
    const held = integration.status === 'disconnected';
    const subject = applicationId ?? opportunityId;
    const row = {
      _id: inboxKey(
        integration._id,
        delivery.event,
        refused ? `malformed-${createHash('sha256').update(subject).digest('hex')}` : subject,
        delivery.triggeredAt,
      ),
      organizationId: integration.organizationId,
      integrationId: integration._id,
      event: delivery.event,
      opportunityId: stored(opportunityId)!,
      applicationId: stored(applicationId),
      contactId: stored(contactId),
      triggeredAt: new Date(delivery.triggeredAt),
      receivedAt: new Date(),
      deliveryToken: delivery.token,
      rawBody,
      // A refused delivery is kept as failed (counted on the tile), never processed or swept.
      ...(refused
        ? { status: 'failed' as const, failure: refused, processedAt: new Date() }
        : { status: held ? 'held' : ('received' as const) }),
    };
    if (!(await insertOnce(row))) return { outcome: 'duplicate' };
    if (refused) {
      app.log.warn({ inboxId: row._id }, refused);
      await recordActivity(app, integration, 'event').catch(() => undefined);
      return { outcome: 'refused' };
    }
    // Stored is what Lever needs to hear: queueing the job and counting the event may fail (a row
    // whose job was not queued is found by the sweep). Both at once, to answer sooner.
    await Promise.all([
      held
        ? null
        : enqueueInboxItem(app, row).catch((error: unknown) =>
            app.log.warn(
              { err: error, inboxId: row._id },
              'Queueing a webhook event failed (swept later)',
            ),
          ),
      recordActivity(app, integration, 'event').catch((error: unknown) =>
        app.log.warn({ err: error }, 'Counting a webhook event failed (the event is stored)'),
      ),
    ]);
    return { outcome: held ? 'held' : 'stored' };
  }

  return { receive };
}
