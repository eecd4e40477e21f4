import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type {
  IntegrationList,
  LeverConnectOutcome,
  LeverIntegration as LeverIntegrationDto,
} from '@eligo/shared/schemas/integrations';
import { AppError } from '../../../lib/app-error.ts';
import { insertOnce } from '../../../lib/db/index.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { randomToken } from '../../../lib/tokens.ts';
import type { AuthContext } from '../../../plugins/auth.ts';
import type { LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { checkHealthIfDue } from './health.ts';
import { foundField, recordHealth } from './health-record.ts';
import { leverHealthModel } from './health.model.ts';
import { leverInboxModel } from '../webhooks/inbox.model.ts';
import {
  leverIntegrationModel,
  tokenPlace,
  type LeverIntegrationDocument,
} from '../integration.model.ts';
import { leverLeases, refreshLeaseOf } from '../lease.model.ts';
import { LeverDisconnectedError } from '../client/lever.errors.ts';
import { toIntegrationDto } from './integration.dto.ts';
import { asLeverAction, leverActionError } from './lever-action-error.ts';
import { missingScopes } from './scopes.ts';
import { leverTokenClaims } from '../client/token-claims.ts';
import type { LeverTokenSet } from '../client/token-endpoint.ts';
import { addManualWebhook, removeWebhooks, webhookSecrets } from '../webhooks/webhook-secrets.ts';
import { forgetWebhook } from '../webhooks/webhook-cache.ts';
import { leverReconcileModel } from '../sync/reconcile.model.ts';
import { createEventWebhook, ensureEventWebhooks, withWebhookLease } from './webhook-setup.ts';
import { webhooksApiRefused } from './lever-action-error.ts';

export function integrationsService(app: FastifyInstance) {
  const Integrations = leverIntegrationModel(app.mongo);
  const repo = (auth: AuthContext) => scoped(Integrations, auth.organization._id);
  const leases = leverLeases(app.mongo);

  async function find(auth: AuthContext, id: string): Promise<LeverIntegrationDocument> {
    const integration = await repo(auth).findById(id);
    if (!integration) throw AppError.notFound('This integration does not exist');
    return integration;
  }

  async function encryptTokens(orgId: Types.ObjectId, id: Types.ObjectId, tokens: LeverTokenSet) {
    return {
      accessToken: await app.crypto.encrypt(
        orgId,
        tokenPlace(id, 'accessToken'),
        tokens.accessToken,
      ),
      refreshToken: await app.crypto.encrypt(
        orgId,
        tokenPlace(id, 'refreshToken'),
        tokens.refreshToken!,
      ),
      accessTokenExpiresAt: new Date(Date.now() + tokens.expiresInSeconds * 1000),
      lastRefreshAt: new Date(),
      // A new authorization: Lever's one-year limit counts from now (grant.ts).
      grantedAt: new Date(),
    };
  }

  /**
   * Our webhook of each event in Lever, where none is set up yet. `ok` unless Lever refused to let
   * Eligo create webhooks at all (`webhooks_api_refused`: the tile says what to do by hand) or a
   * creation failed (`webhook_failed`).
   */
  async function ensureWebhooks(
    integration: LeverIntegrationDocument,
    ok: LeverConnectOutcome,
  ): Promise<LeverConnectOutcome> {
    const outcomes = Object.values(await ensureEventWebhooks(app, integration, { wait: true }));
    if (outcomes.includes('refused')) return 'webhooks_api_refused';
    if (outcomes.includes('failed')) {
      await recordHealth(app, integration, {
        attemptedAt: new Date(),
        problem:
          'Eligo could not create its webhooks in Lever. Try Regenerate in Manage ATS Credentials, or create them manually.',
      });
      return 'webhook_failed';
    }
    return ok;
  }

  /** Reconnect: new tokens for the same Lever account, Connected again, held deliveries released. */
  async function reconnect(
    integration: LeverIntegrationDocument,
    tokens: LeverTokenSet,
    grantedBy: { userId: string | null; scopes: string[] },
  ): Promise<LeverConnectOutcome> {
    const lease = refreshLeaseOf(integration._id);
    // Tokens are written only under the integration's lease (token-store.ts).
    for (let i = 0; !(await leases.acquire(lease, 30_000)); i += 1) {
      if (i > 100) throw new Error('The integration is busy refreshing; try again');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const wasDisconnected = integration.status === 'disconnected';
    try {
      const current = await Integrations.findOne({
        _id: integration._id,
        organizationId: integration.organizationId,
      });
      await Integrations.updateOne(
        { _id: integration._id, organizationId: integration.organizationId },
        {
          $set: {
            ...(await encryptTokens(integration.organizationId, integration._id, tokens)),
            status: 'connected',
            disconnectedAt: null,
            disconnectReason: null,
            leverUserId: grantedBy.userId,
            scopes: grantedBy.scopes,
            tokenVersion: (current?.tokenVersion ?? integration.tokenVersion) + 1,
          },
        },
      );
    } finally {
      await leases.release(lease);
    }
    await leverInboxModel(app.mongo).updateMany(
      {
        organizationId: integration.organizationId,
        integrationId: integration._id,
        status: 'held',
      },
      { $set: { status: 'received' } },
    );
    if (wasDisconnected) {
      await app.lever.announceStatusChange({
        integrationId: integration._id,
        organizationId: integration.organizationId,
        status: 'connected',
        reason: 'reconnected',
      });
    }
    return ensureWebhooks(integration, 'reconnected');
  }

  /**
   * The end of the OAuth flow: the grant must carry every scope we asked for and name a Lever
   * account; then the organization's one integration is created (or reconnected).
   */
  async function completeConnect(
    auth: AuthContext,
    tokens: LeverTokenSet,
  ): Promise<LeverConnectOutcome> {
    if (missingScopes(tokens.scopes).length > 0 || !tokens.refreshToken) return 'missing_scope';
    const { accountId, userId } = leverTokenClaims(tokens.accessToken);
    if (!accountId) return 'failed';
    const orgId = auth.organization._id;
    const existing = await repo(auth).findOne();
    if (existing) {
      if (existing.leverAccountId !== accountId) return 'different_account';
      return reconnect(existing, tokens, { userId, scopes: tokens.scopes });
    }
    const _id = new Types.ObjectId();
    const encrypted = await encryptTokens(orgId, _id, tokens);
    const inserted = await insertOnce(() =>
      repo(auth).create({
        _id,
        publicId: randomToken(),
        leverAccountId: accountId,
        leverUserId: userId,
        scopes: tokens.scopes,
        status: 'connected',
        connectedAt: new Date(),
        connectedBy: auth.user._id,
        tokenVersion: 1,
        ...encrypted,
      }),
    );
    if (!inserted.won) {
      // Unique per organization and per Lever account: who got there first?
      const other = await Integrations.findOne({ leverAccountId: accountId }, null, {
        skipTenant: true,
      });
      if (other && !other.organizationId.equals(orgId)) return 'account_in_use';
      const raced = await repo(auth).findOne();
      if (!raced) throw new Error('The Lever integration insert lost its race to nobody');
      return reconnect(raced, tokens, { userId, scopes: tokens.scopes });
    }
    return ensureWebhooks(inserted.value, 'connected');
  }

  const toDto = (integration: LeverIntegrationDocument) => toIntegrationDto(app, integration);

  return {
    completeConnect,
    toDto,

    async list(auth: AuthContext): Promise<IntegrationList> {
      let integration = await repo(auth).findOne();
      // A check may find access revoked (and mark the integration Disconnected): show what it found.
      if (integration && app.config.lever && (await checkHealthIfDue(app, integration)))
        integration = await repo(auth).findOne();
      return {
        leverConfigured: app.config.lever !== null,
        items: integration ? [await toDto(integration)] : [],
      };
    },

    /**
     * Regenerate an event's signature token: a new API webhook first, at a URL of its own (Lever
     * cannot refuse it as a duplicate of the old one, and there is no moment without a webhook:
     * if Lever fails, nothing changed), then the old ones of that event go.
     */
    async regenerate(
      auth: AuthContext,
      id: string,
      event: LeverWebhookEvent = 'applicationCreated',
    ): Promise<LeverIntegrationDto> {
      const integration = await find(auth, id);
      if (integration.status === 'disconnected')
        throw leverActionError(new LeverDisconnectedError(integration._id));
      await withWebhookLease(app, integration._id, true, async () => {
        const before = await webhookSecrets(app, integration, event);
        const { outcome, error } = await createEventWebhook(app, integration, event);
        if (outcome === 'refused') throw webhooksApiRefused(error);
        if (outcome === 'failed') throw leverActionError(error);
        await removeWebhooks(app, integration, before, { bestEffort: true });
      });
      return toDto(integration);
    },

    /**
     * A webhook the admin created in Lever for `event` replaces ours of that event (ours is
     * deleted from Lever if we can).
     */
    async setManual(
      auth: AuthContext,
      id: string,
      signatureToken: string,
      event: LeverWebhookEvent = 'applicationCreated',
    ) {
      const integration = await find(auth, id);
      await withWebhookLease(app, integration._id, true, async () => {
        const before = await webhookSecrets(app, integration, event);
        await addManualWebhook(app, integration, event, signatureToken.trim());
        await removeWebhooks(app, integration, before, { bestEffort: true });
      });
      await recordHealth(app, integration, {
        attemptedAt: new Date(),
        ...foundField(event, null),
        ...(event === 'applicationCreated' ? { webhookFound: null } : {}),
        lastCheckFailed: false,
        problem: null,
      });
      return toDto(integration);
    },

    /**
     * Delete Integration: our webhooks leave Lever (401/403/404 tolerated; a Disconnected
     * integration cannot call Lever), then the tokens and settings are erased. Applicants and the
     * inbox stay.
     */
    async remove(auth: AuthContext, id: string): Promise<void> {
      const integration = await find(auth, id);
      await asLeverAction(async () =>
        removeWebhooks(app, integration, await webhookSecrets(app, integration)),
      );
      const where = { _id: integration._id, organizationId: integration.organizationId };
      await leverHealthModel(app.mongo).deleteOne(where);
      await leverReconcileModel(app.mongo).deleteOne(where);
      await Integrations.deleteOne(where);
      forgetWebhook(app, integration);
    },
  };
}
