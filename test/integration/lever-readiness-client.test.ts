import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkHealth } from '@eligo/server/modules/lever/connect/health';
import { leverIntegrationModel } from '@eligo/server/modules/lever/integration.model';
import { startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Issue 22, the findings about calling Lever (5 regional redirects, 7 webhook list paging), over
 * real HTTP against the emulator with their switches, both ways. Two beds: one whose Lever hosts
 * (LEVER_API_HOSTS) include the emulator's other host name — a data-center redirect to one of
 * Lever's hosts — and one where the redirect leads to a host that is not Lever's.
 */
let trusting: LeverTestbed;
let wary: LeverTestbed;

beforeAll(async () => {
  [trusting, wary] = await Promise.all([
    startLeverTestbed(`${import.meta.filename}-trusting`, {
      app: { env: { LEVER_API_HOSTS: '127.0.0.1,localhost' } },
    }),
    startLeverTestbed(`${import.meta.filename}-wary`),
  ]);
});
afterAll(() => Promise.all([trusting?.close(), wary?.close()]));

async function integrationOf(bed: LeverTestbed, organizationId: string) {
  return (await leverIntegrationModel(bed.t.app.mongo).findOne(
    { organizationId: new Types.ObjectId(organizationId) },
    null,
    { skipTenant: true },
  ))!;
}
const healthCheck = async (bed: LeverTestbed, organizationId: string) =>
  checkHealth(bed.t.app, await integrationOf(bed, organizationId));

describe('finding 5: a region redirect (307 to another host name)', () => {
  test("to one of Lever's hosts: followed with the token; connect, webhooks and applications work", async () => {
    const { admin, organizationId } = await trusting.startOver();
    await trusting.control('PATCH', '/switches', { regionRedirect: true });
    expect(await trusting.connect(admin)).toBe('connected');
    const calls = (await trusting.control('GET', '/requests?pathPrefix=/webhooks')).body.data;
    // Each create was redirected once, then served with our token (201).
    expect(calls.map((c: { method: string; status: number }) => [c.method, c.status])).toEqual([
      ['POST', 307],
      ['POST', 201],
      ['POST', 307],
      ['POST', 201],
    ]);
    const opportunityId = await trusting.apply({ name: 'Rae Region', email: 'rae@example.net' });
    await waitFor('the applicant, read from Lever through the redirect', () =>
      trusting.t.db.collection('applicants').findOne({ 'lever.opportunityId': opportunityId }),
    );
    await healthCheck(trusting, organizationId);
    expect((await trusting.tile(admin)).status).toBe('connected');
  });

  test("to a host that is not Lever's: the token is not sent, and the 401 never marks Disconnected", async () => {
    const { admin, organizationId } = await wary.startOver();
    await wary.control('PATCH', '/switches', { regionRedirect: true });
    // The webhooks cannot be created (Lever's other host says 401 without our token).
    expect(await wary.connect(admin)).toBe('webhook_failed');
    const served = (await wary.control('GET', '/requests?method=POST&pathPrefix=/webhooks')).body
      .data;
    expect(served.filter((c: { status: number }) => c.status === 201)).toEqual([]);
    await wary.t.db
      .collection('leverhealths')
      .updateMany({}, { $set: { attemptedAt: new Date(Date.now() - 3_600_000) } });
    await healthCheck(wary, organizationId);
    expect((await integrationOf(wary, organizationId)).status).toBe('connected');
    const tile = await wary.tile(admin);
    expect(tile.status).not.toBe('disconnected');
    expect(tile.statusDetail).toContain('HTTP 401');
    expect(tile.statusDetail).toContain('after a redirect to localhost');
    // Nothing refreshed the grant for it either: the 401 was not ours to act on.
    expect(wary.lever.state.tokenEndpoint.refreshToken).toBe(0);
  });

  test('without redirects nothing changes (the switch off)', async () => {
    const { admin } = await wary.startOver();
    expect(await wary.connect(admin)).toBe('connected');
    const calls = (await wary.control('GET', '/requests?pathPrefix=/webhooks')).body.data;
    expect(calls.map((c: { status: number }) => c.status)).toEqual([201, 201]);
  });
});

describe('finding 7: the webhook list in pages', () => {
  test.each([1, null])(
    'webhookListPageSize %s, with other apps\' webhooks listed first: ours are found, the tile is not "Webhook missing"',
    async (webhookListPageSize) => {
      const { admin, organizationId } = await wary.startOver();
      await wary.control('PATCH', '/switches', { webhookListPageSize });
      for (const n of [1, 2, 3]) {
        await wary.control('POST', '/webhooks', {
          url: `https://other-${n}.example/hook`,
          event: 'candidateHired',
        });
      }
      expect(await wary.connect(admin)).toBe('connected');
      await wary.control('DELETE', '/counters');
      await healthCheck(wary, organizationId);
      const tile = await wary.tile(admin);
      expect(tile.status).toBe('waiting');
      expect(tile.webhooks.map((w) => w.state)).toEqual(['waiting', 'waiting']);
      const lists = (await wary.control('GET', '/requests?method=GET&pathPrefix=/webhooks')).body
        .data;
      // Five webhooks: five pages of one, or one unpaged list.
      expect(lists).toHaveLength(webhookListPageSize === 1 ? 5 : 1);
    },
  );
});
