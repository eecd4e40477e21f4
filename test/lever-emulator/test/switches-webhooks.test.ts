import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from './helpers/emulator.ts';
import { startReceiver } from './helpers/receiver.ts';

const url = 'https://app.example.com/lever/webhooks/42/applicationCreated';
const ALL_ORIGINS = ['applied', 'sourced', 'referred', 'university', 'agency', 'internal'];

let env: Awaited<ReturnType<typeof startEmulator>>;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
let token: string;

beforeAll(async () => {
  env = await startEmulator();
});
beforeEach(async () => {
  env.emulator.reset();
  token = await env.token('webhooks:write:admin');
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(() => env.close());

const setSwitches = (body: Record<string, unknown>) =>
  env.call('PATCH', '/_emulator/switches', undefined, body);
const create = (body: Record<string, unknown>) => env.call('POST', '/v1/webhooks', token, body);

describe('PATCH /_emulator/switches', () => {
  test.each([
    [{ duplicateWebhookUrls: 'rejects' }, 'duplicateWebhookUrls'],
    [{ webhookListPageSize: 0 }, 'webhookListPageSize'],
    [{ regionRedirect: 'yes' }, 'regionRedirect'],
    [{ webhooksApi: 'off' }, 'webhooksApi'],
    [{ noSuchSwitch: true }, 'Unknown switches: noSuchSwitch'],
  ])('%j is refused with 400 naming it, and changes nothing', async (body, named) => {
    const before = (await env.call('GET', '/_emulator/switches')).body;
    const response = await setSwitches(body);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(named);
    expect((await env.call('GET', '/_emulator/switches')).body).toEqual(before);
  });
});

describe('applicationCreatedData', () => {
  test('candidateIdOnly delivers {candidateId} alone; the default carries opportunityId', async () => {
    receiver = await startReceiver();
    await create({ url: receiver.url, event: 'applicationCreated' });
    await env.call('PUT', '/_emulator/event-groups/applicationCreated', undefined, {
      enabled: true,
    });
    const usual = await env.newOpportunity({ email: 'usual@example.net' });
    await receiver.waitForCount(1);
    expect((await setSwitches({ applicationCreatedData: 'candidateIdOnly' })).status).toBe(200);
    const old = await env.newOpportunity({ email: 'old@example.net' });
    const [first, second] = await receiver.waitForCount(2);
    expect(first!.body.data).toEqual({
      applicationId: usual.applicationId,
      contactId: usual.contactId,
      opportunityId: usual.data.id,
    });
    expect(second!.body.data).toEqual({ candidateId: old.data.id });
  });
});

describe('webhooksApi', () => {
  test('disabled: creating answers 403 in Lever’s error shape and creates nothing; listing still works', async () => {
    await setSwitches({ webhooksApi: 'disabled' });
    const refused = await create({ url, event: 'applicationCreated' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      code: 'Forbidden',
      message: expect.stringContaining('Webhooks Subscription API is not enabled'),
    });
    expect((await env.call('GET', '/v1/webhooks', token)).body).toEqual({ data: [] });
    await setSwitches({ webhooksApi: 'enabled' });
    expect((await create({ url, event: 'applicationCreated' })).status).toBe(201);
  });
});

describe('duplicateWebhookUrls', () => {
  test('allow (default) takes a second webhook with the same URL and event', async () => {
    expect((await create({ url, event: 'applicationCreated' })).status).toBe(201);
    expect((await create({ url, event: 'applicationCreated' })).status).toBe(201);
    expect((await env.call('GET', '/v1/webhooks', token)).body.data).toHaveLength(2);
  });

  test('reject answers 409 for the same URL and event, through the API, an update and the UI', async () => {
    await setSwitches({ duplicateWebhookUrls: 'reject' });
    const first = await create({ url, event: 'applicationCreated' });
    expect(first.status).toBe(201);
    const second = await create({ url, event: 'applicationCreated' });
    expect(second).toMatchObject({
      status: 409,
      body: { code: 'Conflict', message: expect.stringContaining(first.body.data.id) },
    });
    expect((await create({ url, event: 'candidateHired' })).status).toBe(201);
    const other = await create({ url: `${url}/other`, event: 'applicationCreated' });
    const moved = await env.call('PUT', '/v1/webhooks', token, {
      data: [{ id: other.body.data.id, url }],
    });
    expect(moved).toMatchObject({ status: 409, body: { code: 'Conflict' } });
    const ui = await env.call('POST', '/_emulator/webhooks', undefined, {
      url,
      event: 'applicationCreated',
    });
    expect(ui.status).toBe(409);
    const list = (await env.call('GET', '/v1/webhooks', token)).body.data;
    expect(list.map((w: { url: string; event: string }) => `${w.event} ${w.url}`).sort()).toEqual(
      [
        `applicationCreated ${url}`,
        `applicationCreated ${url}/other`,
        `candidateHired ${url}`,
      ].sort(),
    );
  });
});

describe('webhookListPageSize', () => {
  test('null (default): one list without paging fields; a size pages with hasNext/next', async () => {
    for (let i = 0; i < 5; i += 1)
      await create({ url: `${url}/${i}`, event: 'applicationCreated' });
    expect((await env.call('GET', '/v1/webhooks', token)).body).not.toHaveProperty('hasNext');
    await setSwitches({ webhookListPageSize: 2 });
    const urls: string[] = [];
    const pages: number[] = [];
    let offset: string | undefined;
    for (;;) {
      const page = await env.call(
        'GET',
        `/v1/webhooks${offset ? `?offset=${encodeURIComponent(offset)}` : ''}`,
        token,
      );
      expect(page.status).toBe(200);
      pages.push(page.body.data.length);
      urls.push(...page.body.data.map((w: { url: string }) => w.url));
      if (!page.body.hasNext) {
        expect(page.body).not.toHaveProperty('next');
        break;
      }
      offset = page.body.next;
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(urls).toEqual([0, 1, 2, 3, 4].map((i) => `${url}/${i}`));
    const small = await env.call('GET', '/v1/webhooks?limit=1', token);
    expect(small.body.data).toHaveLength(1);
    expect(small.body.hasNext).toBe(true);
    expect((await setSwitches({ webhookListPageSize: null })).status).toBe(200);
    expect((await env.call('GET', '/v1/webhooks', token)).body.data).toHaveLength(5);
  });
});

describe('webhook conditions', () => {
  test('the documented shape (all origins) is stored, listed back, and delivers every origin', async () => {
    receiver = await startReceiver();
    const created = await create({
      url: receiver.url,
      event: 'applicationCreated',
      configuration: { conditions: { origins: ALL_ORIGINS } },
    });
    expect(created.status).toBe(201);
    const [listed] = (await env.call('GET', '/v1/webhooks', token)).body.data;
    expect(listed.configuration).toEqual({ conditions: { origins: ALL_ORIGINS } });
    await env.call('PUT', '/_emulator/event-groups/applicationCreated', undefined, {
      enabled: true,
    });
    await env.newOpportunity({ email: 'a@example.net', origin: 'agency' });
    await env.newOpportunity({ email: 'b@example.net', origin: 'internal' });
    const received = await receiver.waitForCount(2);
    expect(received.map((r) => r.body.event)).toEqual(['applicationCreated', 'applicationCreated']);
  });
});
