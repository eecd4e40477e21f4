import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { LeverDisconnectedError, LeverIntegrationGoneError } from './lever.errors.ts';
import {
  leverIntegrationModel,
  tokenPlace,
  type LeverIntegrationDocument,
} from '../integration.model.ts';
import { leverLeases, refreshLeaseOf as leaseName } from '../lease.model.ts';
import type { LeverStatusEvents } from './status-events.ts';
import { InvalidGrantError, refreshGrant, type LeverTokenSet } from './token-endpoint.ts';

/** Refresh this long before the access token expires, so calls rarely meet an expired one. */
export const REFRESH_AHEAD_MS = 5 * 60_000;
const LEASE_MS = 30_000;
const WAIT_FOR_OTHER_INSTANCE_MS = 45_000;

export interface TokenStore {
  /** The integration (any organization: background jobs have no request). */
  load(integrationId: Types.ObjectId): Promise<LeverIntegrationDocument>;
  /** A usable access token, refreshed first when it is (nearly) expired. */
  accessToken(integration: LeverIntegrationDocument): Promise<string>;
  /** Lever said 401 to `integration`'s token: refresh once (unless someone already did). */
  refreshAfterUnauthorized(integration: LeverIntegrationDocument): Promise<string>;
  /** Refreshes now whatever the expiry (the idle-refresh task). */
  refreshNow(integrationId: Types.ObjectId): Promise<void>;
  /** Marks the integration Disconnected (under its lease) and announces it. */
  markDisconnected(integrationId: Types.ObjectId, reason: string): Promise<void>;
  /** Encrypts and saves a token set over `expectedVersion`; false if someone changed it since. */
  save(integration: LeverIntegrationDocument, tokens: LeverTokenSet): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lever's tokens for every integration (`app.lever.tokens`), and the single-flight refresh
 * (reliability.md §2.4): within a process concurrent callers share one refresh promise; across
 * processes the refresher holds the lease `refresh:<integrationId>` (a unique insert) and the
 * others wait and re-read. The rotated refresh token is saved before the new access token is handed
 * out. `invalid_grant` marks the integration Disconnected once; nothing retries it.
 */
export function tokenStore(
  app: FastifyInstance,
  announce: LeverStatusEvents['announce'],
): TokenStore {
  const Integrations = leverIntegrationModel(app.mongo);
  const leases = leverLeases(app.mongo);
  /** Refreshes in flight in this process, by integration id (hex). */
  const inFlight = new Map<string, Promise<string>>();

  async function load(integrationId: Types.ObjectId) {
    const integration = await Integrations.findOne({ _id: integrationId }, null, {
      skipTenant: true,
    });
    if (!integration) throw new LeverIntegrationGoneError(integrationId);
    return integration;
  }

  const decrypt = (integration: LeverIntegrationDocument, field: 'accessToken' | 'refreshToken') =>
    app.crypto.decrypt(
      integration.organizationId,
      tokenPlace(integration._id, field),
      integration[field],
    );

  const fresh = (integration: LeverIntegrationDocument) =>
    integration.accessTokenExpiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS;

  async function save(integration: LeverIntegrationDocument, tokens: LeverTokenSet) {
    const id = integration._id;
    const org = integration.organizationId;
    const now = new Date();
    const set: Record<string, unknown> = {
      accessToken: await app.crypto.encrypt(org, tokenPlace(id, 'accessToken'), tokens.accessToken),
      accessTokenExpiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
      tokenVersion: integration.tokenVersion + 1,
      lastRefreshAt: now,
    };
    if (tokens.refreshToken) {
      set.refreshToken = await app.crypto.encrypt(
        org,
        tokenPlace(id, 'refreshToken'),
        tokens.refreshToken,
      );
    }
    const result = await Integrations.updateOne(
      { _id: id, organizationId: org, tokenVersion: integration.tokenVersion },
      { $set: set },
    );
    return result.matchedCount === 1;
  }

  async function disconnect(integration: LeverIntegrationDocument, reason: string) {
    if (integration.status === 'disconnected') return;
    await Integrations.updateOne(
      { _id: integration._id, organizationId: integration.organizationId },
      { $set: { status: 'disconnected', disconnectedAt: new Date(), disconnectReason: reason } },
    );
    await announce({
      integrationId: integration._id,
      organizationId: integration.organizationId,
      status: 'disconnected',
      reason,
    });
  }

  /** Holding the lease: re-read, and refresh unless another caller already did. */
  async function refreshUnderLease(id: Types.ObjectId, seenVersion: number): Promise<string> {
    const current = await load(id);
    if (current.status === 'disconnected') throw new LeverDisconnectedError(id);
    if (current.tokenVersion !== seenVersion && fresh(current))
      return decrypt(current, 'accessToken');
    let tokens: LeverTokenSet;
    try {
      tokens = await refreshGrant(app.config.lever!, await decrypt(current, 'refreshToken'));
    } catch (error) {
      if (!(error instanceof InvalidGrantError)) throw error;
      app.log.warn({ integrationId: id }, 'Lever refused the refresh token: disconnecting');
      await disconnect(current, 'refresh_rejected');
      throw new LeverDisconnectedError(id);
    }
    // Persist before use: the old refresh token is spent now; losing the new one loses the grant.
    if (!(await save(current, tokens))) {
      throw new Error(`Lever tokens of ${id} changed during the refresh; not using them`);
    }
    return tokens.accessToken;
  }

  /** Across instances: take the lease, or wait for the holder and use what it saved. */
  async function refreshAcrossInstances(id: Types.ObjectId, seenVersion: number): Promise<string> {
    const deadline = Date.now() + WAIT_FOR_OTHER_INSTANCE_MS;
    for (;;) {
      if (await leases.acquire(leaseName(id), LEASE_MS)) {
        try {
          return await refreshUnderLease(id, seenVersion);
        } finally {
          await leases.release(leaseName(id)).catch(() => undefined);
        }
      }
      await sleep(100 + Math.random() * 100);
      const current = await load(id);
      if (current.status === 'disconnected') throw new LeverDisconnectedError(id);
      if (current.tokenVersion !== seenVersion && fresh(current)) {
        return decrypt(current, 'accessToken');
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the refresh of ${id}`);
    }
  }

  function refreshSingleFlight(integration: LeverIntegrationDocument): Promise<string> {
    const key = integration._id.toHexString();
    let pending = inFlight.get(key);
    if (!pending) {
      pending = refreshAcrossInstances(integration._id, integration.tokenVersion).finally(() =>
        inFlight.delete(key),
      );
      inFlight.set(key, pending);
    }
    return pending;
  }

  return {
    load,
    async accessToken(integration) {
      if (integration.status === 'disconnected') {
        throw new LeverDisconnectedError(integration._id);
      }
      if (fresh(integration)) return decrypt(integration, 'accessToken');
      return refreshSingleFlight(integration);
    },
    refreshAfterUnauthorized: (integration) => refreshSingleFlight(integration),
    async refreshNow(integrationId) {
      const integration = await load(integrationId);
      if (integration.status === 'disconnected') return;
      // Force: pretend the token is stale by using the version we read.
      const id = integration._id;
      if (await leases.acquire(leaseName(id), LEASE_MS)) {
        try {
          const current = await load(id);
          if (current.tokenVersion === integration.tokenVersion) {
            await refreshUnderLease(id, current.tokenVersion);
          }
        } finally {
          await leases.release(leaseName(id)).catch(() => undefined);
        }
      }
    },
    async markDisconnected(integrationId, reason) {
      const id = integrationId;
      const deadline = Date.now() + WAIT_FOR_OTHER_INSTANCE_MS;
      while (!(await leases.acquire(leaseName(id), LEASE_MS))) {
        if (Date.now() > deadline) break; // a stuck holder: write anyway
        await sleep(100 + Math.random() * 100);
      }
      try {
        await disconnect(await load(id), reason);
      } finally {
        await leases.release(leaseName(id)).catch(() => undefined);
      }
    },
    save,
  };
}
