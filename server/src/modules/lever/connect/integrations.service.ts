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
import { checkHealthIfDue, recordHealth, recordWebhookFound } from './health.ts';
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
import { leverTokenClaims, missingScopes } from './scopes.ts';
import type { LeverTokenSet } from '../client/token-endpoint.ts';
import {
  addManualWebhook,
  createApiWebhook,
  removeWebhooks,
  webhookSecrets,
} from '../webhooks/webhook-secrets.ts';
import { forgetWebhook } from '../webhooks/webhook-cache.ts';

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
    };
  }

  /** Our webhook in Lever, if none is set up yet; false when Lever refused or failed. */
  async function ensureWebhook(integration: LeverIntegrationDocument): Promise<boolean> {
    if ((await webhookSecrets(app, integration)).length > 0) return true;
    try {
      await createApiWebhook(app, integration);
      await recordWebhookFound(app, integration);
      return true;
    } catch (error) {
      app.log.warn(
        { err: error, integrationId: integration._id },
        'Creating the Lever webhook failed',
      );
      await recordHealth(app, integration, {
        attemptedAt: new Date(),
        problem: `Eligo could not create the webhook in Lever (${error instanceof Error ? error.message : String(error)}).`,
      });
      return false;
    }
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
    return (await ensureWebhook(integration)) ? 'reconnected' : 'webhook_failed';
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
    return (await ensureWebhook(inserted.value)) ? 'connected' : 'webhook_failed';
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
     * Regenerate the signature token: a new API webhook first (if Lever fails, nothing changed),
     * then the old ones go.
     */
    async regenerate(auth: AuthContext, id: string): Promise<LeverIntegrationDto> {
      const integration = await find(auth, id);
      if (integration.status === 'disconnected')
        throw leverActionError(new LeverDisconnectedError(integration._id));
      const before = await webhookSecrets(app, integration);
      await asLeverAction(() => createApiWebhook(app, integration));
      await removeWebhooks(app, integration, before, { bestEffort: true });
      await recordWebhookFound(app, integration);
      return toDto(integration);
    },

    /** A webhook the admin created in Lever replaces ours (ours is deleted from Lever if we can). */
    async setManual(auth: AuthContext, id: string, signatureToken: string) {
      const integration = await find(auth, id);
      const before = await webhookSecrets(app, integration);
      await addManualWebhook(app, integration, signatureToken.trim());
      await removeWebhooks(app, integration, before, { bestEffort: true });
      await recordHealth(app, integration, {
        attemptedAt: new Date(),
        webhookFound: null,
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
      await Integrations.deleteOne(where);
      forgetWebhook(app, integration);
    },
  };
}
