import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import type { LeverDelivery, WebhookReceipt } from '@eligo/shared/schemas/integrations';
import { LEVER_WEBHOOK_EVENTS, type LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { AppError } from '../../../lib/app-error.ts';
import { recordActivity } from './activity.ts';
import { inboxKey } from './inbox.model.ts';
import { inboxWriter, type InboxRow } from './inbox-writer.ts';
import { leverIntegrationModel } from '../integration.model.ts';
import { matchingSignatureToken } from './signature.ts';
import { forgetWebhook, type CachedWebhook } from './webhook-cache.ts';
import { verifyingWebhooks, type VerifyingWebhook } from './webhook-secrets.ts';

/** Deliveries signed for the future by more than this are refused too (clock skew allowance). */
const FUTURE_SKEW_MS = 5 * 60_000;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Lever's ids are UUIDs (docs/lever-api.md §2.1). */
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

const isProcessed = (event: string): event is LeverWebhookEvent =>
  (LEVER_WEBHOOK_EVENTS as readonly string[]).includes(event);

/** Why a delivery of an event we process is still unusable (shown on the tile). */
const NO_OPPORTUNITY =
  "Lever's delivery named no opportunity (neither data.opportunityId nor data.candidateId)";

/** The webhook (of those verifying) whose token signed the delivery, or null. */
function signer(webhooks: VerifyingWebhook[], delivery: LeverDelivery): VerifyingWebhook | null {
  const index = matchingSignatureToken(
    webhooks.map((w) => w.signatureToken),
    delivery,
  );
  return index === -1 ? null : webhooks[index]!;
}

export function webhookReceiver(app: FastifyInstance) {
  const Integrations = leverIntegrationModel(app.mongo);
  const inbox = inboxWriter(app);
  const { webhookMaxAgeMs } = app.config.leverSettings;

  async function load(publicId: string): Promise<CachedWebhook> {
    const integration = await Integrations.findOne({ publicId }, null, { skipTenant: true });
    if (!integration) throw AppError.notFound('No integration listens here');
    const known = { integration, webhooks: await verifyingWebhooks(app, integration) };
    // A Disconnected integration is never reused: a delivery right after Reconnect must not be
    // held on a stale status (Reconnect releases only what was held before it).
    if (integration.status !== 'disconnected') app.lever.webhookCache.set(publicId, known);
    else forgetWebhook(app, integration);
    return known;
  }

  /**
   * The integration and the webhook whose token signed the delivery, from this instance's short
   * cache when fresh. Stale is safe: a delivery signed with a token newer than the cache
   * (regenerated meanwhile), or sent to a webhook URL the cache does not know yet, reloads before
   * it is refused; one stored for an integration deleted meanwhile ends as unreadable; one stored as
   * `received` after a disconnect waits in the paused job group. A webhook's own URL (`hookKey`)
   * must be one of the integration's; the signature may be any of its webhooks' (each has its
   * own token, so the token that matches says which webhook, and which event, delivered it).
   */
  async function verified(publicId: string, hookKey: string | null, delivery: LeverDelivery) {
    const knows = (known: CachedWebhook) =>
      hookKey === null || known.webhooks.some((w) => w.hookKey === hookKey);
    const cached = app.lever.webhookCache.get(publicId);
    const hit = cached && knows(cached) ? signer(cached.webhooks, delivery) : null;
    if (cached && hit) return { integration: cached.integration, webhook: hit };
    const known = await load(publicId);
    if (!knows(known)) throw AppError.notFound('No webhook listens here');
    const webhook = signer(known.webhooks, delivery);
    if (!webhook) {
      await recordActivity(app, known.integration, 'signatureFailure').catch(() => undefined);
      throw new AppError(
        ErrorCode.WebhookSignatureInvalid,
        'The signature does not match this webhook',
      );
    }
    return { integration: known.integration, webhook };
  }

  const fresh = (delivery: LeverDelivery) => {
    const age = Date.now() - delivery.triggeredAt;
    if (age > webhookMaxAgeMs || age < -FUTURE_SKEW_MS) {
      throw new AppError(ErrorCode.WebhookStale, 'This delivery is outside the replay window');
    }
  };

  /**
   * One delivery: 404 for an unknown integration (or webhook URL), 401 for a bad signature or a
   * stale delivery, then by kind. An application or a hire is stored in the inbox before we answer
   * (a database failure surfaces as 503, so Lever retries) — one that names no opportunity or
   * carries ids that are not Lever's too, as a failed row counted on the tile, never dropped in
   * silence; test pings and other events are only counted.
   */
  async function receive(
    publicId: string,
    hookKey: string | null,
    delivery: LeverDelivery,
    rawBody: string,
  ): Promise<WebhookReceipt> {
    const { integration, webhook } = await verified(publicId, hookKey, delivery);
    fresh(delivery);
    const data = delivery.data as Record<string, unknown>;
    if (Object.keys(data).length === 0) {
      await recordActivity(app, integration, 'ping', webhook.event);
      return { outcome: 'ping' };
    }
    const { event } = delivery;
    if (!isProcessed(event)) {
      await recordActivity(app, integration, 'ignored');
      return { outcome: 'ignored' };
    }
    // `candidateId` is Lever's older name for the opportunity id (still on application objects).
    const opportunityId = text(data.opportunityId) ?? text(data.candidateId);
    const applicationId = event === 'applicationCreated' ? text(data.applicationId) : null;
    const contactId = text(data.contactId);
    const held = integration.status === 'disconnected';
    // Failed at receipt (counted on the tile, never processed or swept): a delivery that names no
    // opportunity, or one whose ids are not Lever's (2xx all the same: retrying cannot help).
    const unusable = opportunityId === null;
    const refused = unusable ? null : malformedIds({ opportunityId, applicationId, contactId });
    const failure = unusable ? NO_OPPORTUNITY : refused;
    const subject = applicationId ?? opportunityId ?? 'no-opportunity';
    const row: InboxRow = {
      _id: inboxKey(
        integration._id,
        event,
        refused ? `malformed-${createHash('sha256').update(subject).digest('hex')}` : subject,
        delivery.triggeredAt,
      ),
      organizationId: integration.organizationId,
      integrationId: integration._id,
      event,
      opportunityId: stored(opportunityId),
      applicationId: stored(applicationId),
      contactId: stored(contactId),
      triggeredAt: new Date(delivery.triggeredAt),
      receivedAt: new Date(),
      deliveryToken: delivery.token,
      rawBody,
      status: failure ? 'failed' : held ? 'held' : 'received',
      applicantId: null,
      processedAt: failure ? new Date() : null,
      failure,
    };
    // Stored (with the deliveries that arrived together) before Lever hears 200; its job queued
    // and the event counted by the writer (inbox-writer.ts).
    if (!(await inbox.store(row))) return { outcome: 'duplicate' };
    if (failure) {
      app.log.warn({ integrationId: integration._id, event, inboxId: row._id }, failure);
      return { outcome: unusable ? 'unusable' : 'refused' };
    }
    return { outcome: held ? 'held' : 'stored' };
  }

  return { receive };
}
