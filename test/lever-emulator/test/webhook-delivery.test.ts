import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyDelivery } from '../src/index.ts';
import { startEmulator } from './helpers/emulator.ts';
import { startReceiver } from './helpers/receiver.ts';
import { waitFor } from './helpers/wait.ts';

let env: Awaited<ReturnType<typeof startEmulator>>;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
let token: string;

beforeAll(async () => {
  env = await startEmulator({ deliveryTimeoutMs: 300 });
});
beforeEach(async () => {
  env.emulator.reset();
  token = await env.token('webhooks:write:admin opportunities:read:admin');
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(() => env.close());

async function subscribe(url: string, origins?: string[]) {
  const created = await env.call('POST', '/v1/webhooks', token, {
    url,
    event: 'applicationCreated',
    ...(origins ? { configuration: { conditions: { origins } } } : {}),
  });
  return created.body.data as { id: string; configuration: { signatureToken: string } };
}

const enableGroup = (enabled = true) =>
  env.call('PUT', '/_emulator/event-groups/applicationCreated', undefined, { enabled });

describe('applicationCreated delivery', () => {
  test('stays silent while "Application created" is off, then delivers a verifiable event', async () => {
    receiver = await startReceiver();
    const webhook = await subscribe(receiver.url);
    const silent = await env.newOpportunity({ email: 'first@example.net' });
    await enableGroup();
    const heard = await env.newOpportunity({ email: 'second@example.net' });
    const [delivery] = await receiver.waitForCount(1);
    // The first opportunity was created before the second, so had it been sent it would be here first.
    expect(receiver.received).toHaveLength(1);
    expect(delivery!.body.data).toEqual({
      applicationId: heard.applicationId,
      contactId: heard.contactId,
      opportunityId: heard.data.id,
    });
    expect(delivery!.body.data.opportunityId).not.toBe(silent.data.id);
    expect(delivery!.headers['user-agent']).toBe('Lever-Webhooks');
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(Object.keys(delivery!.body)).toEqual([
      'triggeredAt',
      'event',
      'data',
      'signature',
      'token',
    ]);
    expect(delivery!.body.event).toBe('applicationCreated');
    expect(delivery!.body.token).toMatch(/^[0-9a-f]{48}$/);
    expect(delivery!.body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyDelivery(webhook.configuration.signatureToken, delivery!.body)).toBe(true);
    expect(verifyDelivery('0'.repeat(48), delivery!.body)).toBe(false);
  });

  test('retries after a 500 with growing delays, then succeeds', async () => {
    receiver = await startReceiver((i) => (i < 2 ? 500 : 200));
    await subscribe(receiver.url);
    await enableGroup();
    await env.newOpportunity();
    const received = await receiver.waitForCount(3);
    expect(new Set(received.map((r) => r.body.triggeredAt)).size).toBe(1);
    expect(new Set(received.map((r) => r.body.token)).size).toBe(1); // retryToken: 'same'
    const log = await waitFor(
      () => env.call('GET', '/_emulator/deliveries'),
      (r) => r.body.data[0]?.outcome === 'succeeded',
      { what: 'delivery success' },
    );
    expect(log.body.data[0].attempts.map((a: { status: number }) => a.status)).toEqual([
      500, 500, 200,
    ]);
  });

  test('gives up after 1 + 5 attempts; a 3xx and a timeout count as failures', async () => {
    receiver = await startReceiver((i) => (i === 0 ? 'hang' : i === 1 ? 302 : 503));
    await subscribe(receiver.url);
    await enableGroup();
    await env.newOpportunity();
    await receiver.waitForCount(6);
    const log = await waitFor(
      () => env.call('GET', '/_emulator/deliveries'),
      (r) => r.body.data[0]?.outcome === 'failed',
      { what: 'delivery to fail' },
    );
    const attempts = log.body.data[0].attempts as { status: number | null; error: string }[];
    expect(attempts).toHaveLength(6);
    expect(attempts[0]!.error).toContain('Timed out');
    expect(attempts[1]!.status).toBe(302);
  });

  test('origin conditions filter events; every delivery gets a fresh token', async () => {
    receiver = await startReceiver();
    await subscribe(receiver.url, ['referred']);
    await enableGroup();
    await env.newOpportunity({ origin: 'applied', email: 'a@example.net' });
    const referred = await env.newOpportunity({ origin: 'referred', email: 'r@example.net' });
    const another = await env.newOpportunity({ origin: 'referred', email: 'r2@example.net' });
    const received = await receiver.waitForCount(2);
    expect(received.map((r) => r.body.data.opportunityId).sort()).toEqual(
      [referred.data.id, another.data.id].sort(),
    );
    expect(received[0]!.body.token).not.toBe(received[1]!.body.token);
  });

  test('test ping sends data {} even while the group is off; rerun re-sends with a fresh token', async () => {
    receiver = await startReceiver();
    const webhook = await subscribe(receiver.url);
    await env.call('POST', `/_emulator/webhooks/${webhook.id}/test`);
    const [ping] = await receiver.waitForCount(1);
    expect(ping!.body).toMatchObject({ event: 'applicationCreated', data: {} });
    expect(verifyDelivery(webhook.configuration.signatureToken, ping!.body)).toBe(true);
    const log = await waitFor(
      () => env.call('GET', '/_emulator/deliveries'),
      (r) => r.body.data[0]?.outcome === 'succeeded',
    );
    await env.call('POST', `/_emulator/deliveries/${log.body.data[0].id}/rerun`);
    const [, rerun] = await receiver.waitForCount(2);
    expect(rerun!.body.triggeredAt).toBe(ping!.body.triggeredAt);
    expect(rerun!.body.token).not.toBe(ping!.body.token);
    expect(verifyDelivery(webhook.configuration.signatureToken, rerun!.body)).toBe(true);
  });

  test('an opportunity deleted between event and fetch answers 404', async () => {
    receiver = await startReceiver();
    await subscribe(receiver.url);
    await enableGroup();
    await env.newOpportunity({ deleteAfterEvent: true });
    const [event] = await receiver.waitForCount(1);
    const fetched = await env.call(
      'GET',
      `/v1/opportunities/${event!.body.data.opportunityId}`,
      token,
    );
    expect(fetched.status).toBe(404);
  });

  test('switches add candidateId and id to the payload', async () => {
    receiver = await startReceiver();
    await subscribe(receiver.url);
    await enableGroup();
    await env.call('PATCH', '/_emulator/switches', undefined, {
      includeCandidateId: true,
      includeEventId: true,
    });
    const created = await env.newOpportunity();
    const [event] = await receiver.waitForCount(1);
    expect(event!.body.id).toEqual(expect.any(String));
    expect(event!.body.data.candidateId).toBe(created.data.id);
  });
});
