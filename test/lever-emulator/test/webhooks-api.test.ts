import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from './helpers/emulator.ts';

let env: Awaited<ReturnType<typeof startEmulator>>;
let token: string;
const url = 'https://app.example.com/lever/webhooks/42/applicationCreated';

beforeAll(async () => {
  env = await startEmulator();
});
beforeEach(async () => {
  env.emulator.reset();
  token = await env.token('webhooks:write:admin');
});
afterAll(() => env.close());

describe('Webhooks Subscription API', () => {
  test('create returns the signature token once; list omits it', async () => {
    const created = await env.call('POST', '/v1/webhooks', token, {
      url,
      event: 'applicationCreated',
      configuration: { conditions: { origins: ['applied', 'referred'] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'applicationCreated',
      url,
      configuration: { signatureToken: expect.stringMatching(/^[0-9a-f]{48}$/) },
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    const list = await env.call('GET', '/v1/webhooks', token);
    expect(list.body).toEqual({
      data: [
        {
          id: created.body.data.id,
          url,
          event: 'applicationCreated',
          createdAt: expect.any(Number),
          updatedAt: expect.any(Number),
          configuration: { conditions: { origins: ['applied', 'referred'] } },
        },
      ],
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.data.configuration.signatureToken);
  });

  test('update changes url and conditions but never the token; delete answers 204', async () => {
    const { body } = await env.call('POST', '/v1/webhooks', token, {
      url,
      event: 'applicationCreated',
    });
    const id = body.data.id as string;
    const tokenBefore = env.emulator.state.webhooks.get(id)!.signatureToken;
    const updated = await env.call('PUT', '/v1/webhooks', token, {
      data: [{ id, url: `${url}/v2`, configuration: { conditions: { origins: ['applied'] } } }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data[0]).toMatchObject({
      id,
      url: `${url}/v2`,
      configuration: { conditions: { origins: ['applied'] } },
    });
    expect(env.emulator.state.webhooks.get(id)!.signatureToken).toBe(tokenBefore);
    const changeEvent = await env.call('PUT', '/v1/webhooks', token, {
      data: [{ id, event: 'candidateHired' }],
    });
    expect(changeEvent.status).toBe(400);
    const deleted = await env.call('DELETE', `/v1/webhooks/${id}`, token);
    expect(deleted.status).toBe(204);
    expect((await env.call('DELETE', `/v1/webhooks/${id}`, token)).body.code).toBe(
      'ResourceNotFound',
    );
  });

  test('UI-created webhooks cannot be changed or deleted through the API', async () => {
    const ui = await env.call('POST', '/_emulator/webhooks', undefined, {
      url,
      event: 'applicationCreated',
    });
    const id = ui.body.data.id as string;
    const put = await env.call('PUT', '/v1/webhooks', token, { data: [{ id, url: `${url}/x` }] });
    expect(put).toMatchObject({ status: 403, body: { code: 'Forbidden' } });
    const del = await env.call('DELETE', `/v1/webhooks/${id}`, token);
    expect(del).toMatchObject({ status: 403, body: { code: 'Forbidden' } });
    await env.call('PATCH', '/_emulator/switches', undefined, { apiMayDeleteUiWebhooks: true });
    expect((await env.call('DELETE', `/v1/webhooks/${id}`, token)).status).toBe(204);
  });

  test.each([
    [{ url: 'http://app.example.com/hook', event: 'applicationCreated' }, 'url must use https'],
    [{ url, event: 'applicationMade' }, 'not a valid webhook event'],
    [
      { url, event: 'candidateDeleted', configuration: { conditions: { origins: ['applied'] } } },
      'does not support conditions',
    ],
    [
      { url, event: 'applicationCreated', configuration: { conditions: { origins: ['walk-in'] } } },
      'not a valid origin',
    ],
  ])('rejects %j with 400', async (body, message) => {
    const response = await env.call('POST', '/v1/webhooks', token, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'BadRequest',
      message: expect.stringContaining(message),
    });
  });

  test('listing needs only the read scope; creating needs write', async () => {
    const reader = await env.token('webhooks:read:admin');
    expect((await env.call('GET', '/v1/webhooks', reader)).status).toBe(200);
    expect(
      (await env.call('POST', '/v1/webhooks', reader, { url, event: 'applicationCreated' })).status,
    ).toBe(403);
  });

  test('switches: double-nested create response and client-scoped list', async () => {
    await env.call('PATCH', '/_emulator/switches', undefined, {
      createWebhookResponse: 'double',
      webhookListScope: 'client',
    });
    const created = await env.call('POST', '/v1/webhooks', token, {
      url,
      event: 'applicationCreated',
    });
    expect(created.body.data.data.configuration.signatureToken).toMatch(/^[0-9a-f]{48}$/);
    await env.call('POST', '/_emulator/webhooks', undefined, {
      url: `${url}/ui`,
      event: 'applicationCreated',
    });
    const list = await env.call('GET', '/v1/webhooks', token);
    expect(list.body.data.map((w: { url: string }) => w.url)).toEqual([url]);
  });
});
