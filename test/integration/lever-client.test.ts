import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '@eligo/server/app';
import { LeverApiError, LeverDisconnectedError } from '@eligo/server/modules/lever/index';
import { refreshIdleIntegrations } from '@eligo/server/modules/lever/client/idle-refresh';
import type { LeverStatusChange } from '@eligo/server/modules/lever/index';
import type { ApiClient } from '../support/http.ts';
import { ttlSecondsOf } from '../support/ttl.ts';
import {
  startLeverTestbed,
  WAREHOUSE_POSTING_ID as WAREHOUSE,
  type LeverTestbed,
} from '../support/lever.ts';

/** The Lever client the jobs use: tokens, refresh, errors and the request budget, over real HTTP. */
let bed: LeverTestbed;
let admin: ApiClient;
let integrationId: Types.ObjectId;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin } = await bed.startOver({ connect: true }));
  integrationId = new Types.ObjectId((await bed.tile(admin)).id);
  await bed.control('DELETE', '/counters');
});

const client = () => bed.t.app.lever.client(integrationId);
const stored = () =>
  bed.t.db.collection('leverintegrations').findOne({ _id: new Types.ObjectId(integrationId) });
const counters = async () => (await bed.control('GET', '/counters')).body;
const expireOurAccessToken = () =>
  bed.t.db
    .collection('leverintegrations')
    .updateOne(
      { _id: new Types.ObjectId(integrationId) },
      { $set: { accessTokenExpiresAt: new Date(Date.now() - 1000) } },
    );

describe('typed calls', () => {
  test('reads an opportunity with its application, the posting, and adds/removes tags in Lever', async () => {
    const created = (
      await bed.control('POST', '/opportunities', {
        name: 'Dana Rivera',
        email: 'dana@example.net',
        postingId: WAREHOUSE,
      })
    ).body;
    const opportunity = await client().getOpportunity(created.data.id, {
      expandApplications: true,
    });
    expect(opportunity).toMatchObject({ id: created.data.id, name: 'Dana Rivera' });
    expect(opportunity.applications).toEqual([
      expect.objectContaining({ id: created.applicationId, posting: WAREHOUSE }),
    ]);
    expect((await client().getPosting(WAREHOUSE)).text).toBe('Warehouse Associate');
    await client().addTags(created.data.id, ['Eligo-WOTC:Pre Qualified']);
    expect(
      (await bed.control('GET', `/opportunities/${created.data.id}`)).body.data.tags,
    ).toContain('Eligo-WOTC:Pre Qualified');
    await client().removeTags(created.data.id, ['Eligo-WOTC:Pre Qualified']);
    expect(
      (await bed.control('GET', `/opportunities/${created.data.id}`)).body.data.tags,
    ).not.toContain('Eligo-WOTC:Pre Qualified');
  });

  test("Lever's errors become LeverApiError with status, code and message (404 is permanent)", async () => {
    const error = await client()
      .getOpportunity('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeverApiError);
    expect(error).toMatchObject({ status: 404, leverCode: 'ResourceNotFound', retryable: false });
    expect((error as LeverApiError).leverMessage).toContain('was not found');
  });

  test('429 with Retry-After carries the delay; without it, none; 503 is retryable', async () => {
    await bed.control('POST', '/faults', { status: 429, retryAfterSeconds: 12 });
    const limited = await client()
      .getPosting(WAREHOUSE)
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, retryable: true, retryAfterMs: 12_000 });
    await bed.control('POST', '/faults', { status: 429 });
    const bare = await client()
      .getPosting(WAREHOUSE)
      .catch((e: unknown) => e);
    expect(bare).toMatchObject({ status: 429, retryable: true, retryAfterMs: null });
    await bed.control('POST', '/faults', { status: 503 });
    expect(
      await client()
        .getPosting(WAREHOUSE)
        .catch((e: unknown) => e),
    ).toMatchObject({
      status: 503,
      retryable: true,
    });
    // Nothing was refreshed or disconnected by these.
    expect((await counters()).tokenEndpoint.refreshToken).toBe(0);
    expect((await stored())!.status).toBe('connected');
  });
});

describe('tokens', () => {
  test('10 concurrent callers while the access token is expired → exactly 1 token request', async () => {
    await expireOurAccessToken();
    const before = (await stored())!;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => client().getPosting(WAREHOUSE)),
    );
    expect(results.every((p) => p.id === WAREHOUSE)).toBe(true);
    expect((await counters()).tokenEndpoint).toMatchObject({
      refreshToken: 1,
      byStatus: { 200: 1 },
    });
    const after = (await stored())!;
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  test('Lever expires the token early (401): callers on two API instances share one refresh', async () => {
    // Lever's clock moves past the token's expiry; ours still thinks it is fresh.
    await bed.control('POST', '/clock', { advanceSeconds: 3700 });
    const other = await bed.secondInstance();
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => client().getPosting(WAREHOUSE)),
      ...Array.from({ length: 5 }, () => other.lever.client(integrationId).getPosting(WAREHOUSE)),
    ]);
    expect(results).toHaveLength(10);
    expect((await counters()).tokenEndpoint).toMatchObject({
      refreshToken: 1,
      byStatus: { 200: 1 },
    });
    expect((await stored())!.status).toBe('connected');
  });

  test('the rotated refresh token is saved: after a restart the next refresh works', async () => {
    await expireOurAccessToken();
    await client().getPosting(WAREHOUSE); // refresh #1: Lever rotates the refresh token
    // A new process on the same database (the old refresh token is spent in Lever: reusing it
    // would revoke the whole grant).
    const restarted = await createApp(bed.t.config, { logStream: { write: () => true } as never });
    try {
      await bed.t.db
        .collection('leverintegrations')
        .updateOne(
          { _id: new Types.ObjectId(integrationId) },
          { $set: { accessTokenExpiresAt: new Date(0) } },
        );
      const posting = await restarted.lever.client(integrationId).getPosting(WAREHOUSE);
      expect(posting.id).toBe(WAREHOUSE);
    } finally {
      await restarted.close();
    }
    expect((await counters()).tokenEndpoint).toMatchObject({
      refreshToken: 2,
      byStatus: { 200: 2 },
    });
    expect((await stored())!.status).toBe('connected');
  });

  test('an idle integration is refreshed by the periodic task after LEVER_IDLE_REFRESH_DAYS', async () => {
    const now = Date.now();
    expect(await refreshIdleIntegrations(bed.t.app, now)).toBe(0);
    expect(await refreshIdleIntegrations(bed.t.app, now + 31 * 86_400_000)).toBe(1);
    expect((await counters()).tokenEndpoint.refreshToken).toBe(1);
    expect((await stored())!.lastRefreshAt.getTime()).toBeGreaterThanOrEqual(now);
  });

  test('revoked in Lever: Disconnected once, announced, then no call reaches Lever', async () => {
    const changes: LeverStatusChange[] = [];
    const stop = bed.t.app.lever.onStatusChange((change) => void changes.push(change));
    try {
      await client().getPosting(WAREHOUSE);
      const grant = (await bed.control('GET', '/grants')).body.data[0];
      expect((await bed.control('POST', `/grants/${grant.id}/revoke`)).status).toBe(204);
      const first = await client()
        .getPosting(WAREHOUSE)
        .catch((e: unknown) => e);
      expect(first).toBeInstanceOf(LeverDisconnectedError);
      expect(changes).toEqual([
        expect.objectContaining({
          integrationId,
          status: 'disconnected',
          reason: 'refresh_rejected',
        }),
      ]);
      const seen = await counters();
      // The dead token: 1 good call, then 1 answered 401; one refresh, refused.
      expect(seen.data.map((c: { byStatus: object }) => c.byStatus)).toEqual([{ 200: 1, 401: 1 }]);
      expect(seen.tokenEndpoint).toMatchObject({ refreshToken: 1, byStatus: { 403: 1 } });
      for (let i = 0; i < 3; i += 1) {
        await expect(client().getPosting(WAREHOUSE)).rejects.toBeInstanceOf(LeverDisconnectedError);
      }
      expect(await counters()).toEqual(seen);
      expect(changes).toHaveLength(1);
      const tile = await bed.tile(admin);
      expect(tile.status).toBe('disconnected');
      expect(tile.disconnectedAt).not.toBeNull();
    } finally {
      stop();
    }
  });

  test('Reconnect after a revoke: Connected again and announced', async () => {
    const changes: LeverStatusChange[] = [];
    const stop = bed.t.app.lever.onStatusChange((change) => void changes.push(change));
    try {
      const grant = (await bed.control('GET', '/grants')).body.data[0];
      await bed.control('POST', `/grants/${grant.id}/revoke`);
      await expect(client().getPosting(WAREHOUSE)).rejects.toBeInstanceOf(LeverDisconnectedError);
      expect(await bed.connect(admin)).toBe('reconnected');
      expect((await client().getPosting(WAREHOUSE)).id).toBe(WAREHOUSE);
      expect(changes.map((c) => c.status)).toEqual(['disconnected', 'connected']);
      expect((await bed.tile(admin)).status).not.toBe('disconnected');
    } finally {
      stop();
    }
  });
});

describe('the request budget', () => {
  test(
    'a burst of 200 calls for one Lever account from two API instances → none answered 429',
    { timeout: 90_000 },
    async () => {
      const other = (await bed.secondInstance()).lever.client(integrationId);
      const calls = Array.from({ length: 200 }, (_, i) => {
        const lever = i % 2 === 0 ? client() : other;
        return i % 4 < 2 ? lever.getPosting(WAREHOUSE) : lever.listWebhooks();
      });
      const results = await Promise.allSettled(calls);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const seen = (await counters()).data as Array<{ calls: number; rateLimited: number }>;
      expect(seen.reduce((sum, c) => sum + c.calls, 0)).toBe(200);
      expect(seen.reduce((sum, c) => sum + c.rateLimited, 0)).toBe(0);
    },
  );

  test('its slots are deleted by a TTL index a minute after their time (none is read again)', async () => {
    expect(await ttlSecondsOf(bed.t.db, 'leverrateslots', 'at')).toBe(60);
    await client().getPosting(WAREHOUSE);
    expect(await bed.t.db.collection('leverrateslots').countDocuments()).toBeGreaterThan(0);
  });
});
