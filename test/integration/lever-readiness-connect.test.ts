import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { checkHealth } from '@eligo/server/modules/lever/connect/health';
import { leverIntegrationModel } from '@eligo/server/modules/lever/integration.model';
import type { ApiClient } from '../support/http.ts';
import { signedDelivery, startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Issue 22, the findings about connecting (1 scopes, 3 the Webhooks Subscription API, 6 the token
 * response's `scope`, 10 webhook conditions): each over real HTTP against the emulator, with the
 * switch for the behaviour Lever leaves unconfirmed, both ways.
 */
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

const ALL_ORIGINS = ['applied', 'sourced', 'referred', 'university', 'agency', 'internal'];
const REQUIRED = [
  'applications:read:admin',
  'offline_access',
  'opportunities:write:admin',
  'postings:read:admin',
  'webhooks:write:admin',
];
const leverWebhooks = async () => (await bed.control('GET', '/webhooks')).body.data;
const stored = () =>
  bed.t.db
    .collection('leverintegrations')
    .findOne({ organizationId: new Types.ObjectId(organizationId) });
const healthCheck = async () => {
  const integration = await leverIntegrationModel(bed.t.app.mongo).findOne(
    { organizationId: new Types.ObjectId(organizationId) },
    null,
    { skipTenant: true },
  );
  await checkHealth(bed.t.app, integration!);
};

describe('finding 1: the scopes are one list, and the optional ones may be withheld', () => {
  test('an app registered without contact:read:admin, offers or archive reasons still connects; the tile says what is missing', async () => {
    await bed.control('PATCH', '/switches', {
      withheldScopes: ['contact:read:admin', 'offers:read:admin', 'archive_reasons:read:admin'],
    });
    expect(await bed.connect(admin)).toBe('connected');
    expect(((await stored())!.scopes as string[]).sort()).toEqual(REQUIRED);
    const tile = await bed.tile(admin);
    expect(tile.missingScopes.map((m) => m.scope)).toEqual([
      'offers:read:admin',
      'archive_reasons:read:admin',
    ]);
    expect(tile.missingScopes[0]!.why).toContain('an admin enters them');
    expect(tile.reconcile.state).toBe('unavailable');
    // The reconcile needs archive reasons: asked without them, a clear refusal.
    const reconcile = await admin.post(`/api/integrations/${tile.id}/reconcile`);
    expect(reconcile.statusCode).toBe(409);
    expect(reconcile.json().message).toContain('archive_reasons:read:admin');
  });

  test('every scope granted: nothing missing, the reconcile is available', async () => {
    expect(await bed.connect(admin)).toBe('connected');
    const tile = await bed.tile(admin);
    expect(tile.missingScopes).toEqual([]);
    expect(tile.reconcile.state).not.toBe('unavailable');
  });
});

describe('finding 6: a token response without `scope`', () => {
  test.each(['omitted', 'present'] as const)(
    'tokenResponseScope %s → connected with the granted scopes, and refreshes keep working',
    async (tokenResponseScope) => {
      await bed.control('PATCH', '/switches', { tokenResponseScope });
      expect(await bed.connect(admin)).toBe('connected');
      expect(((await stored())!.scopes as string[]).length).toBe(7);
      // Force a refresh (its response has no `scope` either), then a call with the new token.
      await bed.t.db
        .collection('leverintegrations')
        .updateOne({}, { $set: { accessTokenExpiresAt: new Date(0) } });
      const before = bed.lever.state.tokenEndpoint.refreshToken;
      await healthCheck();
      expect(bed.lever.state.tokenEndpoint.refreshToken).toBe(before + 1);
      expect((await bed.tile(admin)).status).toBe('waiting');
    },
  );
});

describe('finding 3: the Webhooks Subscription API disabled for the app', () => {
  test('webhooksApi disabled → the tile says exactly that and leads to the manual webhooks, which work', async () => {
    await bed.control('PATCH', '/switches', { webhooksApi: 'disabled' });
    expect(await bed.connect(admin)).toBe('webhooks_api_refused');
    expect(await leverWebhooks()).toEqual([]);
    const tile = await bed.tile(admin);
    expect(tile).toMatchObject({ status: 'webhook_missing', webhooksApi: 'refused' });
    expect(tile.statusDetail).toContain(
      "the Webhooks Subscription API is not enabled for Eligo's app (Lever answered: The Webhooks Subscription API is not enabled for this application)",
    );
    expect(tile.statusDetail).toContain('Create it by hand in Lever');
    expect(tile.statusDetail).toContain('Manage ATS Credentials');
    expect(tile.webhooks.map((w) => w.state)).toEqual(['missing', 'missing']);

    const regenerate = await admin.post(`/api/integrations/${tile.id}/webhook/regenerate`);
    expect(regenerate.statusCode).toBe(502);
    expect(regenerate.json().message).toContain('Webhooks Subscription API is not enabled');

    // The admin adds both webhooks in Lever's settings by hand and saves their tokens.
    for (const event of ['applicationCreated', 'candidateHired']) {
      const manual = (await bed.control('POST', '/webhooks', { url: tile.webhook.url, event })).body
        .data;
      const saved = await admin.put(`/api/integrations/${tile.id}/webhook/manual`, {
        signatureToken: manual.signatureToken,
        event,
      });
      expect(saved.statusCode).toBe(200);
      const response = await fetch(tile.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(signedDelivery(manual.signatureToken, { event, data: {} })),
      });
      expect(await response.json()).toEqual({ outcome: 'ping' });
    }
    const fixed = await bed.tile(admin);
    expect(fixed.status).toBe('connected');
    expect(fixed.webhooks.map((w) => [w.mode, w.state])).toEqual([
      ['manual', 'receiving'],
      ['manual', 'receiving'],
    ]);
  });

  test('enabled later: the next health check creates the missing webhooks itself', async () => {
    await bed.control('PATCH', '/switches', { webhooksApi: 'disabled' });
    expect(await bed.connect(admin)).toBe('webhooks_api_refused');
    await bed.control('PATCH', '/switches', { webhooksApi: 'enabled' });
    await healthCheck();
    expect((await leverWebhooks()).map((w: { event: string }) => w.event).sort()).toEqual([
      'applicationCreated',
      'candidateHired',
    ]);
    const tile = await bed.tile(admin);
    expect(tile).toMatchObject({ status: 'waiting', webhooksApi: 'available' });
  });
});

describe('finding 10: webhook conditions in the documented all-origins shape', () => {
  test.each([false, true])(
    'each webhook is created for every origin (response echoes conditions: %s); a sourced candidate is surveyed',
    async (createWebhookEchoesConditions) => {
      await bed.control('PATCH', '/switches', { createWebhookEchoesConditions });
      expect(await bed.connect(admin)).toBe('connected');
      const creates = (await bed.control('GET', '/requests?method=POST&pathPrefix=/webhooks')).body
        .data;
      expect(creates.map((r: { body: unknown }) => r.body)).toEqual(
        ['applicationCreated', 'candidateHired'].map((event) => ({
          url: expect.stringContaining('/api/webhooks/lever/'),
          event,
          configuration: { conditions: { origins: ALL_ORIGINS } },
        })),
      );
      const opportunityId = await bed.apply({ name: 'Sam Sourced', origin: 'sourced' });
      await waitFor('the sourced candidate to become an applicant', async () =>
        bed.t.db.collection('applicants').findOne({ 'lever.opportunityId': opportunityId }),
      );
    },
  );
});
