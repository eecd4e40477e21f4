import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createOrganization, createUser, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { ttlSecondsOf } from '../support/ttl.ts';
import {
  LEVER_ACCOUNT_ID,
  LEVER_ADMIN,
  startLeverTestbed,
  type LeverTestbed,
} from '../support/lever.ts';

/** Connecting Lever (seed: "Setting up"): the OAuth dance against the emulator over real HTTP. */
let bed: LeverTestbed;
let admin: ApiClient;
let organizationId: string;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin, organizationId } = await bed.startOver());
});

const integrationsOf = (orgId: string) =>
  bed.t.db
    .collection('leverintegrations')
    .find({ organizationId: new Types.ObjectId(orgId) })
    .toArray();

describe('connecting Lever', () => {
  test('GO TO LEVER sends the admin to Lever with our client, audience, scopes and a state', async () => {
    const start = await admin.get('/api/integrations/lever/connect');
    expect(start.statusCode).toBe(302);
    const url = new URL(start.headers.location as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${bed.leverUrl}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'eligo-test-client',
      response_type: 'code',
      redirect_uri: `${bed.appUrl}/api/integrations/lever/callback`,
      audience: `${bed.leverUrl}/v1/`,
    });
    expect(url.searchParams.get('scope')!.split(' ').sort()).toEqual([
      'applications:read:admin',
      'archive_reasons:read:admin',
      'offers:read:admin',
      'offline_access',
      'opportunities:write:admin',
      'postings:read:admin',
      'webhooks:write:admin',
    ]);
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(43);
  });

  test('a Super Admin accepts: Lever is listed, both webhooks exist in Lever under our URL, tokens are encrypted', async () => {
    expect(await bed.connect(admin)).toBe('connected');
    const tile = await bed.tile(admin);
    expect(tile).toMatchObject({
      provider: 'lever',
      status: 'waiting',
      leverAccountId: LEVER_ACCOUNT_ID,
      webhook: { mode: 'api' },
      lastEventAt: null,
      lastPingAt: null,
      failedSignatures24h: 0,
      unreadApplications: { count: 0, lastReason: null },
      leverWebhooksPageUrl: `${bed.leverUrl}/settings/integrations?tab=webhooks`,
      webhooks: [
        expect.objectContaining({ event: 'applicationCreated', state: 'waiting', mode: 'api' }),
        expect.objectContaining({ event: 'candidateHired', state: 'waiting', mode: 'api' }),
      ],
      webhooksApi: 'available',
      missingScopes: [],
    });
    expect(tile.statusDetail).toContain('"Application created" and "Candidate hired"');
    // The webhook URL is ours, under an unguessable id (not the integration's ObjectId).
    const publicId = tile.webhook.url.split('/').at(-1);
    expect(tile.webhook.url).toBe(`${bed.appUrl}/api/webhooks/lever/${publicId}`);
    expect(publicId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(publicId).not.toContain(tile.id);
    // One webhook per event, each at a URL of its own under ours, for every candidate origin.
    const webhooks = (await bed.control('GET', '/webhooks')).body.data;
    const everyOrigin = ['applied', 'sourced', 'referred', 'university', 'agency', 'internal'];
    expect(webhooks).toEqual(
      ['applicationCreated', 'candidateHired'].map((event) =>
        expect.objectContaining({
          url: expect.stringMatching(new RegExp(`^${tile.webhook.url}/[A-Za-z0-9_-]{16}$`)),
          event,
          createdVia: 'api',
          origins: everyOrigin,
        }),
      ),
    );
    expect(webhooks[0].url).not.toBe(webhooks[1].url);
    const [stored] = await integrationsOf(organizationId);
    expect(stored.accessToken).toMatch(/^v1:/);
    expect(stored.refreshToken).toMatch(/^v1:/);
    const issued = [...bed.lever.state.refreshTokens.keys()];
    expect(JSON.stringify(stored)).not.toContain(issued[0]!);
  });

  test.each([
    ['the admin clicks Deny', LEVER_ADMIN, 'deny', 'denied'],
    ['a Lever Admin who is not a Super Admin accepts', LEVER_ADMIN, 'accept', 'not_super_admin'],
    ['the Super Admin clicks Deny', undefined, 'deny', 'denied'],
  ] as const)('%s → a clear outcome and nothing stored', async (_why, user, decision, outcome) => {
    expect(await bed.connect(admin, user, decision)).toBe(outcome);
    expect(await integrationsOf(organizationId)).toEqual([]);
    expect((await admin.get('/api/integrations')).json().items).toEqual([]);
  });

  test('a grant without every scope we need is refused and nothing is stored', async () => {
    await bed.control('PATCH', '/switches', { withheldScopes: ['webhooks:write:admin'] });
    expect(await bed.connect(admin)).toBe('missing_scope');
    expect(await integrationsOf(organizationId)).toEqual([]);
    expect((await bed.control('GET', '/webhooks')).body.data).toEqual([]);
  });

  test('a replayed callback (the same state and code again) is refused and changes nothing', async () => {
    const start = await admin.get('/api/integrations/lever/connect');
    const { authorizeWithHttp } = await import('@eligo/lever-emulator');
    const callback = await authorizeWithHttp(start.headers.location as string, {
      email: 'sam.super@acme.example',
    });
    const first = await admin.get(callback.pathname + callback.search);
    expect(first.headers.location).toContain('lever=connected');
    const before = await integrationsOf(organizationId);
    const replay = await admin.get(callback.pathname + callback.search);
    expect(replay.headers.location).toContain('lever=invalid_state');
    expect(await integrationsOf(organizationId)).toEqual(before);
    expect(bed.lever.state.tokenEndpoint.authorizationCode).toBe(1);
  });

  test('an expired state is refused before any code exchange, though the TTL index has not deleted it yet', async () => {
    expect(await ttlSecondsOf(bed.t.db, 'leveroauthstates', 'expiresAt')).toBe(0);
    expect(await ttlSecondsOf(bed.t.db, 'leverleases', 'expiresAt')).toBe(0);
    const start = await admin.get('/api/integrations/lever/connect');
    const { authorizeWithHttp } = await import('@eligo/lever-emulator');
    const callback = await authorizeWithHttp(start.headers.location as string, {
      email: 'sam.super@acme.example',
    });
    const states = bed.t.db.collection('leveroauthstates');
    expect(
      (await states.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } }))
        .modifiedCount,
    ).toBeGreaterThan(0);
    const late = await admin.get(callback.pathname + callback.search);
    expect(late.headers.location).toContain('lever=invalid_state');
    expect(bed.lever.state.tokenEndpoint.authorizationCode).toBe(0);
    expect(await integrationsOf(organizationId)).toEqual([]);
  });

  test("a state started by another admin's session (or none) is refused before any code exchange", async () => {
    const start = await admin.get('/api/integrations/lever/connect');
    const { authorizeWithHttp } = await import('@eligo/lever-emulator');
    const callback = await authorizeWithHttp(start.headers.location as string, {
      email: 'sam.super@acme.example',
    });
    const colleague = await signedIn(
      bed.t.app,
      await createUser(bed.t.app, organizationId, { role: 'admin' }),
    );
    const foreign = await colleague.get(callback.pathname + callback.search);
    expect(foreign.headers.location).toContain('lever=invalid_state');
    const forged = await admin.get(
      `/api/integrations/lever/callback?state=forged&code=${callback.searchParams.get('code')}`,
    );
    expect(forged.headers.location).toContain('lever=invalid_state');
    expect(bed.lever.state.tokenEndpoint.authorizationCode).toBe(0);
    expect(await integrationsOf(organizationId)).toEqual([]);
  });

  test('connecting again reconnects the one integration (one per organization)', async () => {
    expect(await bed.connect(admin)).toBe('connected');
    const [first] = await integrationsOf(organizationId);
    expect(await bed.connect(admin)).toBe('reconnected');
    const after = await integrationsOf(organizationId);
    expect(after).toHaveLength(1);
    expect(after[0]!._id).toEqual(first!._id);
    expect(after[0]!.publicId).toBe(first!.publicId);
    expect(after[0]!.tokenVersion).toBe(first!.tokenVersion + 1);
    // The existing webhooks are kept, not duplicated.
    expect((await bed.control('GET', '/webhooks')).body.data).toHaveLength(2);
  });

  test('the same Lever account connected by a second organization is refused', async () => {
    expect(await bed.connect(admin)).toBe('connected');
    const other = await createOrganization(bed.t.app);
    const otherAdmin = await signedIn(bed.t.app, other.admin);
    expect(await bed.connect(otherAdmin)).toBe('account_in_use');
    expect(await integrationsOf(other.organizationId)).toEqual([]);
    expect((await otherAdmin.get('/api/integrations')).json().items).toEqual([]);
    // The first organization's connection still works.
    expect((await bed.tile(admin)).status).toBe('waiting');
  });

  test('the database itself refuses a second integration for the organization or for the Lever account', async () => {
    expect(await bed.connect(admin)).toBe('connected');
    const [stored] = await integrationsOf(organizationId);
    const copy = (changes: Record<string, unknown>) =>
      bed.t.db.collection('leverintegrations').insertOne({
        ...stored!,
        _id: new Types.ObjectId(),
        publicId: `p-${Math.random()}`,
        ...changes,
      });
    await expect(copy({ leverAccountId: 'another-account' })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(
      copy({ organizationId: new Types.ObjectId(), leverAccountId: stored!.leverAccountId }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await bed.t.db.collection('leverintegrations').countDocuments()).toBe(1);
  });

  test('members get 403 on every integration route; signed-out callers 401', async () => {
    const member = await signedIn(bed.t.app, await createUser(bed.t.app, organizationId));
    const id = '0123456789abcdef01234567';
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/integrations'],
      ['GET', '/api/integrations/lever/connect'],
      ['GET', '/api/integrations/lever/callback?state=x&code=y'],
      ['DELETE', `/api/integrations/${id}`],
      ['POST', `/api/integrations/${id}/webhook/regenerate`],
      ['PUT', `/api/integrations/${id}/webhook/manual`, { signatureToken: 'x'.repeat(48) }],
    ];
    for (const [method, url, body] of calls) {
      const asMember = await member.request(method as 'GET', url, body);
      expect({ url, status: asMember.statusCode }).toEqual({ url, status: 403 });
      const anonymous = await bed.t.app.inject({
        method: method as 'GET',
        url,
        headers: { 'x-requested-with': 'eligo', host: new URL(bed.t.app.config.publicUrl).host },
        ...(body ? { payload: body as object } : {}),
      });
      expect({ url, status: anonymous.statusCode }).toEqual({ url, status: 401 });
    }
  });

  test('unknown integration ids are 404', async () => {
    const id = '0123456789abcdef01234567';
    expect((await admin.delete(`/api/integrations/${id}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/integrations/${id}/webhook/regenerate`)).statusCode).toBe(404);
    const manual = await admin.put(`/api/integrations/${id}/webhook/manual`, {
      signatureToken: 'x'.repeat(48),
    });
    expect(manual.statusCode).toBe(404);
    expect((await admin.delete('/api/integrations/not-an-id')).statusCode).toBe(400);
  });
});

describe('a server without Lever settings', () => {
  test('says Lever is not configured, and GO TO LEVER answers 409 LEVER_NOT_CONFIGURED', async () => {
    const t = await createTestApp(import.meta.filename);
    try {
      const org = await createOrganization(t.app);
      const client = await signedIn(t.app, org.admin);
      expect((await client.get('/api/integrations')).json()).toEqual({
        leverConfigured: false,
        items: [],
      });
      const connect = await client.get('/api/integrations/lever/connect');
      expect(connect.statusCode).toBe(409);
      expect(connect.json()).toMatchObject({ code: 'LEVER_NOT_CONFIGURED' });
    } finally {
      await t.close();
    }
  });
});
