import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { checkAllHealth, checkHealth } from '@eligo/server/modules/lever/connect/health';
import { leverIntegrationModel } from '@eligo/server/modules/lever/integration.model';
import { createApplicantWithSurveyLink } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { rawDump, signedDelivery, startLeverTestbed, type LeverTestbed } from '../support/lever.ts';

/** Manage ATS Credentials, the health check, Delete Integration; and no token in clear anywhere. */
let bed: LeverTestbed;
let admin: ApiClient;
let organizationId: string;
let tile: { id: string; webhook: { url: string } };

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin, organizationId } = await bed.startOver({ connect: true }));
  tile = await bed.tile(admin);
});

const storedSecrets = () =>
  bed.t.db
    .collection('leverwebhooksecrets')
    .find({ organizationId: new Types.ObjectId(organizationId) })
    .toArray();
const leverWebhooks = async () => (await bed.control('GET', '/webhooks')).body.data;
/** Our webhook of one event, as the emulator holds it (with its signature token). */
const ours = async (event = 'applicationCreated') =>
  (await leverWebhooks()).find(
    (w: { url: string; event: string }) =>
      w.event === event && w.url.startsWith(`${tile.webhook.url}/`),
  );
const deliver = (body: unknown) =>
  fetch(tile.webhook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const runHealthCheck = async () => {
  const integration = await leverIntegrationModel(bed.t.app.mongo).findOne({ _id: tile.id }, null, {
    skipTenant: true,
  });
  await checkHealth(bed.t.app, integration!);
};

describe('Manage ATS Credentials', () => {
  test('Regenerate signature token: the old webhook leaves Lever, the new token verifies, the old one no longer does', async () => {
    const old = await ours();
    const hired = await ours('candidateHired');
    expect((await deliver(signedDelivery(old.signatureToken))).status).toBe(200);
    const response = await admin.post(`/api/integrations/${tile.id}/webhook/regenerate`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ webhook: { mode: 'api', url: tile.webhook.url } });
    const now = await leverWebhooks();
    expect(now).toHaveLength(2);
    const renewed = await ours();
    expect(renewed.id).not.toBe(old.id);
    expect(renewed.url).not.toBe(old.url);
    expect(renewed).toMatchObject({ createdVia: 'api' });
    // The other event's webhook is untouched.
    expect(await ours('candidateHired')).toEqual(hired);
    expect((await deliver(signedDelivery(old.signatureToken))).status).toBe(401);
    expect((await deliver(signedDelivery(renewed.signatureToken))).status).toBe(200);
    const secrets = await storedSecrets();
    expect(secrets).toHaveLength(2);
    const stored = secrets.find((s) => s.event === 'applicationCreated')!;
    expect(stored.leverWebhookId).toBe(renewed.id);
    expect(stored.signatureToken).not.toContain(renewed.signatureToken);
  });

  test('Regenerate while Lever is down (503) changes nothing and says so', async () => {
    const before = await leverWebhooks();
    await bed.control('POST', '/faults', { status: 503, pathPrefix: '/webhooks' });
    const response = await admin.post(`/api/integrations/${tile.id}/webhook/regenerate`);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'LEVER_UNAVAILABLE' });
    expect(await leverWebhooks()).toEqual(before);
    expect((await deliver(signedDelivery(before[0].signatureToken))).status).toBe(200);
  });

  test('Create a new webhook (manual): the token from Lever is required, stored encrypted, and verifies', async () => {
    // The admin deleted our webhook and adds one in Lever's settings page by hand.
    const api = await ours();
    await bed.control('DELETE', `/webhooks/${api.id}`);
    const manual = (
      await bed.control('POST', '/webhooks', { url: tile.webhook.url, event: 'applicationCreated' })
    ).body.data;
    const missing = await admin.put(`/api/integrations/${tile.id}/webhook/manual`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([
      expect.objectContaining({ path: '/body/signatureToken' }),
    ]);
    const blank = await admin.put(`/api/integrations/${tile.id}/webhook/manual`, {
      signatureToken: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const saved = await admin.put(`/api/integrations/${tile.id}/webhook/manual`, {
      signatureToken: manual.signatureToken,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ webhook: { mode: 'manual' }, status: 'waiting' });
    expect((await deliver(signedDelivery(manual.signatureToken))).status).toBe(200);
    expect((await deliver(signedDelivery(api.signatureToken))).status).toBe(401);
    const stored = await storedSecrets();
    expect(stored.map((s) => [s.event, s.mode])).toEqual([
      ['candidateHired', 'api'],
      ['applicationCreated', 'manual'],
    ]);
    expect(JSON.stringify(stored)).not.toContain(manual.signatureToken);
    // Lever's test button now reaches us through the manual webhook.
    await bed.control('POST', `/webhooks/${manual.id}/test`);
    await expect
      .poll(async () => (await bed.tile(admin)).lastPingAt, { timeout: 10_000 })
      .not.toBeNull();
    expect((await bed.tile(admin)).status).toBe('connected');
  });

  test('a manual webhook is saved even when Lever cannot delete ours right now (503)', async () => {
    const api = await ours();
    const manual = (
      await bed.control('POST', '/webhooks', { url: tile.webhook.url, event: 'applicationCreated' })
    ).body.data;
    await bed.control('POST', '/faults', { status: 503, pathPrefix: '/webhooks' });
    const saved = await admin.put(`/api/integrations/${tile.id}/webhook/manual`, {
      signatureToken: manual.signatureToken,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().webhook.mode).toBe('manual');
    expect((await deliver(signedDelivery(manual.signatureToken))).status).toBe(200);
    expect((await deliver(signedDelivery(api.signatureToken))).status).toBe(401);
  });
});

describe('health', () => {
  test.each(['account', 'client'] as const)(
    'our webhook deleted in Lever (list scope %s) → Webhook missing; regenerating fixes it',
    async (scope) => {
      await bed.control('PATCH', '/switches', { webhookListScope: scope });
      // Someone else's webhook in the account, to tell the two list scopes apart.
      await bed.control('POST', '/webhooks', {
        url: 'https://other.example/hook',
        event: 'candidateHired',
      });
      await runHealthCheck();
      expect((await bed.tile(admin)).status).toBe('waiting');
      await bed.control('DELETE', `/webhooks/${(await ours()).id}`);
      await runHealthCheck();
      const broken = await bed.tile(admin);
      expect(broken.status).toBe('webhook_missing');
      expect(broken.statusDetail).toContain('will not receive applications');
      expect((await admin.post(`/api/integrations/${tile.id}/webhook/regenerate`)).statusCode).toBe(
        200,
      );
      expect((await bed.tile(admin)).status).toBe('waiting');
    },
  );

  test.each([429, 503])('Lever answers %i: the tile keeps its last known state', async (status) => {
    await runHealthCheck();
    const api = await ours();
    await bed.control('DELETE', `/webhooks/${api.id}`);
    await runHealthCheck();
    const known = await bed.tile(admin);
    expect(known.status).toBe('webhook_missing');
    await bed.control('POST', `/webhooks`, {
      url: api.url,
      event: 'applicationCreated',
      createdVia: 'api',
    });
    await bed.control('POST', '/faults', { status, pathPrefix: '/webhooks' });
    await runHealthCheck();
    const after = await bed.tile(admin);
    expect(after.status).toBe('webhook_missing');
    expect(after.health).toEqual({ checkedAt: known.health.checkedAt, lastCheckFailed: true });
  });

  test('the periodic check finds the missing webhook, and skips integrations checked recently', async () => {
    await bed.control('DELETE', `/webhooks/${(await ours()).id}`);
    // Just checked (at connect): skipped.
    expect(await checkAllHealth(bed.t.app)).toBe(0);
    expect((await bed.tile(admin)).status).toBe('waiting');
    await bed.t.db
      .collection('leverhealths')
      .updateMany({}, { $set: { attemptedAt: new Date(Date.now() - 3_600_000) } });
    expect(await checkAllHealth(bed.t.app)).toBeGreaterThanOrEqual(1);
    expect((await bed.tile(admin)).status).toBe('webhook_missing');
  });

  test('opening the screen checks Lever at most once a minute', async () => {
    await bed.control('DELETE', '/counters');
    await bed.t.db.collection('leverhealths').deleteMany({});
    await admin.get('/api/integrations');
    await admin.get('/api/integrations');
    await admin.get('/api/integrations');
    const calls = (await bed.control('GET', '/counters')).body.data;
    expect(calls.reduce((sum: number, c: { calls: number }) => sum + c.calls, 0)).toBe(1);
  });

  test('access revoked in Lever: the first screen load that checks shows Disconnected', async () => {
    const grant = (await bed.control('GET', '/grants')).body.data[0];
    expect((await bed.control('POST', `/grants/${grant.id}/revoke`)).status).toBe(204);
    // Checked within the last minute (at connect): the screen does not ask Lever again yet.
    expect((await bed.tile(admin)).status).toBe('waiting');
    await bed.t.db
      .collection('leverhealths')
      .updateMany({}, { $set: { attemptedAt: new Date(Date.now() - 61_000) } });
    // This load's check finds the revoke, and this very answer says so.
    expect((await bed.tile(admin)).status).toBe('disconnected');
  });
});

describe('Delete Integration', () => {
  test('YES, DELETE: the webhook leaves Lever, tokens are erased, applicants stay', async () => {
    const applicant = await createApplicantWithSurveyLink(bed.t.app, organizationId);
    expect(await leverWebhooks()).toHaveLength(2);
    expect((await admin.delete(`/api/integrations/${tile.id}`)).statusCode).toBe(204);
    expect(await leverWebhooks()).toEqual([]);
    expect((await admin.get('/api/integrations')).json().items).toEqual([]);
    const orgId = new Types.ObjectId(organizationId);
    for (const name of ['leverintegrations', 'leverwebhooksecrets', 'leverhealths']) {
      expect(await bed.t.db.collection(name).countDocuments({ organizationId: orgId })).toBe(0);
    }
    expect(
      await bed.t.db
        .collection('applicants')
        .countDocuments({ _id: new Types.ObjectId(applicant.applicantId) }),
    ).toBe(1);
    // It can be set up anew.
    expect(await bed.connect(admin)).toBe('connected');
  });

  test('Lever answering 404/401 for the webhook does not block the delete', async () => {
    await bed.control('DELETE', `/webhooks/${(await ours()).id}`);
    expect((await admin.delete(`/api/integrations/${tile.id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/integrations')).json().items).toEqual([]);
  });

  test('after a revoke in Lever: deleted here without calling Lever', async () => {
    const grant = (await bed.control('GET', '/grants')).body.data[0];
    await bed.control('POST', `/grants/${grant.id}/revoke`);
    await runHealthCheck(); // finds out: Disconnected
    expect((await bed.tile(admin)).status).toBe('disconnected');
    expect((await admin.delete(`/api/integrations/${tile.id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/integrations')).json().items).toEqual([]);
  });
});

test('no Lever token or signature token appears in clear in any collection or log line', async () => {
  // Exercise everything that touches secrets: refresh, regenerate, a manual webhook, deliveries.
  await bed.t.db
    .collection('leverintegrations')
    .updateOne({}, { $set: { accessTokenExpiresAt: new Date(0) } });
  await runHealthCheck();
  await admin.post(`/api/integrations/${tile.id}/webhook/regenerate`);
  const manual = (
    await bed.control('POST', '/webhooks', { url: tile.webhook.url, event: 'applicationCreated' })
  ).body.data;
  await admin.put(`/api/integrations/${tile.id}/webhook/manual`, {
    signatureToken: manual.signatureToken,
  });
  await deliver(signedDelivery(manual.signatureToken));
  await deliver(signedDelivery('wrong-token-wrong-token-wrong-token-wrong-token'));
  const secrets = [
    ...bed.lever.state.accessTokens.keys(),
    ...bed.lever.state.refreshTokens.keys(),
    ...[...bed.lever.state.webhooks.values()].map((w) => w.signatureToken),
    bed.t.config.lever!.clientSecret,
  ];
  expect(bed.lever.state.refreshTokens.size).toBeGreaterThanOrEqual(2);
  const stored = await rawDump(bed.t);
  const logs = bed.t.logs.map((line) => JSON.stringify(line));
  expect(stored.length).toBeGreaterThan(10);
  expect(logs.length).toBeGreaterThan(10);
  for (const secret of secrets) {
    expect(stored.filter((doc) => doc.includes(secret))).toEqual([]);
    expect(logs.filter((line) => line.includes(secret))).toEqual([]);
  }
});
