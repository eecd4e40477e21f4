import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { createOrganization, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import {
  signedDelivery,
  startLeverTestbed,
  WAREHOUSE_POSTING_ID as WAREHOUSE,
  type LeverTestbed,
} from '../support/lever.ts';
import { hostAndPort, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { ttlSecondsOf } from '../support/ttl.ts';

/**
 * The webhook receiver (issue 9, item 1): what Lever's deliveries become. Real HTTP both ways:
 * the emulator delivers to the listening app; hand-made deliveries are posted to it with fetch.
 */
let bed: LeverTestbed;
let admin: ApiClient;
let tile: { id: string; webhook: { url: string } };
let signatureToken: string;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin } = await bed.startOver({ connect: true }));
  tile = await bed.tile(admin);
  signatureToken = bed.lever.state.webhooks.values().next().value!.signatureToken;
});

const inbox = () =>
  bed.t.db
    .collection('leverinboxitems')
    .find({ integrationId: new Types.ObjectId(tile.id) })
    .toArray();

function post(body: unknown, headers: Record<string, string> = {}, url = tile.webhook.url) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function statusAndCode(response: Response) {
  const body = (await response.json().catch(() => null)) as { code?: string } | null;
  return { status: response.status, code: body?.code };
}

describe('refused deliveries store nothing', () => {
  test('a wrong signature → 401, nothing stored, counted on the tile', async () => {
    const forged = signedDelivery('not-the-signature-token-of-this-webhook-000000000');
    expect(await statusAndCode(await post(forged))).toEqual({
      status: 401,
      code: 'WEBHOOK_SIGNATURE_INVALID',
    });
    const tampered = { ...signedDelivery(signatureToken), triggeredAt: Date.now() - 5 };
    expect((await post(tampered)).status).toBe(401);
    expect(await inbox()).toEqual([]);
    expect((await bed.tile(admin)).failedSignatures24h).toBe(2);
  });

  test('a correctly signed delivery older than the replay window (or from the future) → 401', async () => {
    const old = signedDelivery(signatureToken, { triggeredAt: Date.now() - 73 * 3_600_000 });
    expect(await statusAndCode(await post(old))).toEqual({ status: 401, code: 'WEBHOOK_STALE' });
    const future = signedDelivery(signatureToken, { triggeredAt: Date.now() + 10 * 60_000 });
    expect((await post(future)).status).toBe(401);
    expect(await inbox()).toEqual([]);
  });

  test('an unknown integration (or a deleted one, or its ObjectId) → 404', async () => {
    const delivery = signedDelivery(signatureToken);
    const base = `${bed.appUrl}/api/webhooks/lever`;
    expect((await post(delivery, {}, `${base}/nope`)).status).toBe(404);
    expect((await post(delivery, {}, `${base}/${tile.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/integrations/${tile.id}`)).statusCode).toBe(204);
    expect((await post(delivery)).status).toBe(404);
    expect(await inbox()).toEqual([]);
  });

  test.each([
    ['text/plain', 415, 'text/plain', JSON.stringify({})],
    ['form data', 415, 'application/x-www-form-urlencoded', 'a=b'],
    ['malformed JSON', 400, 'application/json', '{"token":'],
    ['a __proto__ key', 400, 'application/json', '{"__proto__":{"x":1},"token":"t"}'],
    [
      'a missing signature',
      400,
      'application/json',
      JSON.stringify({ token: 't', triggeredAt: 1 }),
    ],
  ])('%s → %i', async (_why, status, type, body) => {
    expect((await post(body, { 'content-type': type })).status).toBe(status);
    expect(await inbox()).toEqual([]);
  });

  test('an oversized body → 413', async () => {
    const big = signedDelivery(signatureToken, {
      data: { opportunityId: 'x', padding: 'y'.repeat(20_000) },
    });
    expect(await statusAndCode(await post(big))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await inbox()).toEqual([]);
  });

  test('no session cookie and no CSRF header are needed (Lever has neither)', async () => {
    const response = await post(signedDelivery(signatureToken), {
      origin: 'https://lever.example',
    });
    expect(response.status).toBe(200);
  });
});

describe('accepted deliveries', () => {
  test('an application from Lever lands in the inbox as `received`, with what processing needs', async () => {
    // The integration's jobs wait (as while Disconnected), so the row stays as the receiver left it.
    await bed.t.app.jobs.pauseGroup(tile.id, 'held by the test');
    const created = (
      await bed.control('POST', '/opportunities', {
        name: 'Dana Rivera',
        email: 'dana@example.net',
        postingId: WAREHOUSE,
      })
    ).body;
    await expect.poll(inbox, { timeout: 10_000 }).toHaveLength(1);
    const [row] = await inbox();
    // The emulator records the outcome once our 200 reaches it, a moment after the row exists.
    const firstDelivery = async () => (await bed.control('GET', '/deliveries')).body.data[0];
    await expect.poll(async () => (await firstDelivery()).outcome).toBe('succeeded');
    const delivery = await firstDelivery();
    expect(delivery.attempts[0].status).toBe(200);
    expect(row).toMatchObject({
      status: 'received',
      event: 'applicationCreated',
      opportunityId: created.data.id,
      applicationId: created.applicationId,
      contactId: created.contactId,
      triggeredAt: new Date(delivery.triggeredAt),
      deliveryToken: delivery.attempts[0].token,
    });
    expect(String(row!.organizationId)).toBe(
      String((await bed.t.db.collection('leverintegrations').findOne())!.organizationId),
    );
    expect(JSON.parse(row!.rawBody)).toMatchObject({ data: { opportunityId: created.data.id } });
    const shown = await bed.tile(admin);
    expect(shown.status).toBe('connected');
    expect(shown.lastEventAt).not.toBeNull();
    // Its processing job was queued; resumed, it processes the row (lever-applications.test.ts).
    await bed.t.app.jobs.resumeGroup(tile.id);
    await expect
      .poll(async () => (await inbox())[0]!.status, { timeout: 10_000 })
      .toBe('processed');
  });

  test('the same delivery 20× concurrently → one inbox row, every answer 2xx', async () => {
    const delivery = signedDelivery(signatureToken);
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(delivery)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const outcomes = await Promise.all(responses.map((r) => r.json()));
    expect(outcomes.filter((o) => o.outcome === 'stored')).toHaveLength(1);
    expect(await inbox()).toHaveLength(1);
  });

  test('40 deliveries at once, with repeats among them: each event stored once, its job queued, the events counted', async () => {
    // The receiver stores the deliveries that arrive together in one write (inbox-writer.ts): each
    // must still get its own answer. The jobs wait, so the rows stay as the receiver left them.
    await bed.t.app.jobs.pauseGroup(tile.id, 'held by the test');
    const distinct = Array.from({ length: 40 }, () => signedDelivery(signatureToken));
    const replayed = { ...distinct[0]!, data: { ...distinct[0]!.data, opportunityId: 'x' } };
    const burst = [...distinct, distinct[1]!, distinct[2]!, replayed];
    const responses = await Promise.all(burst.map((delivery) => post(delivery)));
    expect(responses.map((r) => r.status)).toEqual(Array(burst.length).fill(200));
    const outcomes = (await Promise.all(responses.map((r) => r.json()))).map((o) => o.outcome);
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(40);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
    const rows = await inbox();
    expect(rows.map((r) => r.deliveryToken).sort()).toEqual(distinct.map((d) => d.token).sort());
    expect(rows.every((r) => r.status === 'received')).toBe(true);
    const jobs = await bed.t.db
      .collection('jobs')
      .find({ type: 'lever.application', group: tile.id })
      .toArray();
    expect(jobs.map((j) => j.payload.inboxId).sort()).toEqual(rows.map((r) => r._id).sort());
    expect(jobs.every((j) => j.state === 'paused')).toBe(true);
    const activity = await bed.t.db
      .collection('leveractivities')
      .find({ integrationId: new Types.ObjectId(tile.id) })
      .toArray();
    expect(activity.reduce((sum, bucket) => sum + (bucket.events ?? 0), 0)).toBe(40);
    expect((await bed.tile(admin)).lastEventAt).not.toBeNull();
  });

  test('a captured token replayed with other data is not stored again', async () => {
    const original = signedDelivery(signatureToken);
    expect((await post(original)).status).toBe(200);
    const replay = { ...original, data: { ...original.data, opportunityId: 'someone-else' } };
    const response = await post(replay);
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toBe('duplicate');
    expect((await inbox()).map((r) => r.opportunityId)).toEqual([original.data.opportunityId]);
  });

  test.each([
    ['duplicateDeliveries', { duplicateDeliveries: true }, 0],
    ['retryToken: fresh (first answers lost, so Lever retries)', { retryToken: 'fresh' }, 3],
  ])('emulator %s → one inbox row per event', async (_name, switches, lostResponses) => {
    await bed.control('PATCH', '/switches', switches);
    await bed.control('POST', '/delivery-faults', { lostResponses });
    for (let i = 0; i < 3; i += 1) {
      await bed.apply({ name: `Person ${i}` });
    }
    const deliveries = async () => (await bed.control('GET', '/deliveries')).body.data;
    await expect
      .poll(
        async () =>
          (await deliveries()).every((d: { outcome: string }) => d.outcome === 'succeeded'),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    const tokens = new Set(
      (await deliveries()).flatMap((d: { attempts: { token: string }[] }) =>
        d.attempts.map((a) => a.token),
      ),
    );
    expect(tokens.size).toBe(6); // every event reached us twice, each time with another token
    expect(await inbox()).toHaveLength(3);
  });

  test.each([
    ['a 15,000-character opportunityId', { opportunityId: 'o'.repeat(15_000) }, 15_000],
    ['an opportunityId that is no UUID', { opportunityId: 'not-a-lever-id' }, 14],
    ['a malformed applicationId', { applicationId: '../../etc/passwd' }, 16],
  ])(
    'a correctly signed delivery with %s is refused for good: 2xx, a failed row with why, no job, counted on the tile',
    async (_name, ids, length) => {
      const delivery = signedDelivery(signatureToken, {
        data: {
          applicationId: crypto.randomUUID(),
          contactId: crypto.randomUUID(),
          opportunityId: crypto.randomUUID(),
          ...ids,
        },
      });
      const response = await post(delivery);
      expect(response.status).toBe(200);
      expect((await response.json()).outcome).toBe('refused');
      const [row, ...others] = await inbox();
      expect(others).toEqual([]);
      expect(row).toMatchObject({
        status: 'failed',
        failure: expect.stringContaining(`(${length} characters) is not a Lever id`),
      });
      expect(row!.opportunityId.length).toBeLessThanOrEqual(65);
      expect(String(row!._id).length).toBeLessThan(200);
      // Never processed nor swept: no job exists for it.
      expect(await bed.t.db.collection('jobs').countDocuments({ key: row!._id })).toBe(0);
      expect((await bed.tile(admin)).unreadApplications).toEqual({
        count: 1,
        lastReason: expect.stringMatching(/malformed id/),
      });
      // Lever retrying the same delivery finds it stored.
      expect((await (await post(delivery)).json()).outcome).toBe('duplicate');
    },
  );

  test('a test ping → 2xx, shown on the tile as the last ping, nothing in the inbox', async () => {
    const webhookId = bed.lever.state.webhooks.keys().next().value!;
    expect((await bed.control('POST', `/webhooks/${webhookId}/test`)).status).toBe(202);
    await expect
      .poll(async () => (await bed.tile(admin)).lastPingAt, { timeout: 10_000 })
      .not.toBeNull();
    expect((await bed.control('GET', '/deliveries')).body.data[0].attempts[0].status).toBe(200);
    const shown = await bed.tile(admin);
    expect(shown.status).toBe('connected');
    expect(shown.lastEventAt).toBeNull();
    expect(await inbox()).toEqual([]);
  });

  test('activity older than 30 days is not shown, though the TTL index has not deleted it yet', async () => {
    expect(await ttlSecondsOf(bed.t.db, 'leveractivities', 'hour')).toBe(30 * 24 * 3600);
    const integration = await bed.t.db
      .collection('leverintegrations')
      .findOne({ _id: new Types.ObjectId(tile.id) });
    const HOUR = 3_600_000;
    const hour = new Date((Math.floor(Date.now() / HOUR) - 30 * 24 - 1) * HOUR);
    await bed.t.db.collection('leveractivities').insertOne({
      _id: `${tile.id}:${hour.getTime()}` as never,
      organizationId: integration!.organizationId,
      integrationId: integration!._id,
      hour,
      events: 1,
      pings: 1,
      ignored: 0,
      signatureFailures: 0,
      lastEventAt: hour,
      lastPingAt: hour,
    });
    const shown = await bed.tile(admin);
    expect(shown.lastEventAt).toBeNull();
    expect(shown.lastPingAt).toBeNull();
  });

  test('other events → 2xx, counted as ignored, nothing in the inbox', async () => {
    const stageChange = signedDelivery(signatureToken, {
      event: 'candidateStageChange',
      data: { opportunityId: 'o-1', toStageId: 'offer' },
    });
    const response = await post(stageChange);
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toBe('ignored');
    expect(await inbox()).toEqual([]);
  });

  test('while Disconnected deliveries are kept as `held`; Reconnect releases them', async () => {
    const grant = (await bed.control('GET', '/grants')).body.data[0];
    await bed.control('POST', `/grants/${grant.id}/revoke`);
    await bed.t.db
      .collection('leverintegrations')
      .updateOne({}, { $set: { status: 'disconnected', disconnectedAt: new Date() } });
    const response = await post(signedDelivery(signatureToken));
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toBe('held');
    expect((await inbox()).map((r) => r.status)).toEqual(['held']);
    expect(await bed.connect(admin)).toBe('reconnected');
    // Released to its job, which asks Lever for this made-up opportunity: unknown there, so failed.
    await expect.poll(async () => (await inbox())[0]!.status, { timeout: 10_000 }).toBe('failed');
    expect((await inbox())[0]!.failure).toMatch(/deleted in Lever/);
  });

  test('per-integration rate limit → 429 with Retry-After past LEVER_WEBHOOK_RATE_LIMIT_PER_MINUTE', async () => {
    const limited = await startLeverTestbed(import.meta.filename, {
      app: { env: { LEVER_WEBHOOK_RATE_LIMIT_PER_MINUTE: '3' } },
    });
    try {
      const org = await createOrganization(limited.t.app);
      const client = await signedIn(limited.t.app, org.admin);
      expect(await limited.connect(client)).toBe('connected');
      const url = (await limited.tile(client)).webhook.url;
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await post({}, {}, url)).status);
      expect(statuses.slice(0, 3)).not.toContain(429);
      const fourth = await post({}, {}, url);
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});

describe('when the database is away', () => {
  test(
    'Lever gets 503 and retries; the redelivery is stored once',
    { timeout: 60_000 },
    async () => {
      const target = hostAndPort(inject('mongoUri'));
      const proxy: TcpProxy = await startTcpProxy(target.host, target.port);
      const viaProxy = await startLeverTestbed(import.meta.filename, {
        app: { mongoUri: `mongodb://127.0.0.1:${proxy.port}`, serverSelectionTimeoutMS: 1_000 },
        emulator: { retryDelaysMs: [1_000, 2_000, 3_000, 4_000, 5_000], retryDelayScale: 1 },
      });
      try {
        const org = await createOrganization(viaProxy.t.app);
        const client = await signedIn(viaProxy.t.app, org.admin);
        expect(await viaProxy.connect(client)).toBe('connected');
        await proxy.cut();
        await viaProxy.apply({ name: 'Cut Off' });
        await expect
          .poll(
            async () =>
              (await viaProxy.control('GET', '/deliveries')).body.data[0]?.attempts[0]?.status,
            {
              timeout: 15_000,
            },
          )
          .toBe(503);
        await proxy.restore();
        await expect
          .poll(async () => (await viaProxy.control('GET', '/deliveries')).body.data[0].outcome, {
            timeout: 30_000,
          })
          .toBe('succeeded');
        const rows = () => viaProxy.t.db.collection('leverinboxitems').find().toArray();
        // Stored once, and processed once its job has run.
        await expect
          .poll(async () => (await rows())[0]?.status, { timeout: 30_000 })
          .toBe('processed');
        expect(await rows()).toHaveLength(1);
      } finally {
        await viaProxy.close();
        await proxy.close();
      }
    },
  );
});
