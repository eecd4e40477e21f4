import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from './helpers/emulator.ts';

/** Controls other suites use to observe and steer the emulator. */
let env: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  env = await startEmulator();
});
afterAll(() => env.close());
beforeEach(() => env.emulator.reset());

const tokenRequest = (fields: Record<string, string>) => env.tokenRequest(fields);

describe('test controls', () => {
  test('the token endpoint is counted per grant type and answer; DELETE /counters clears it', async () => {
    const tokens = await tokenRequest({
      grant_type: 'authorization_code',
      code: await env.codeFor('offline_access postings:read:admin'),
    });
    expect(tokens.status).toBe(200);
    await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token! });
    await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'v1.unknown' });
    const counters = await env.call('GET', '/_emulator/counters');
    expect(counters.body.tokenEndpoint).toEqual({
      authorizationCode: 1,
      refreshToken: 2,
      byStatus: { 200: 2, 403: 1 },
    });
    await env.call('DELETE', '/_emulator/counters');
    expect((await env.call('GET', '/_emulator/counters')).body.tokenEndpoint).toEqual({
      authorizationCode: 0,
      refreshToken: 0,
      byStatus: {},
    });
  });

  test('GET /requests lists each /v1 call with its status and write body; DELETE /counters clears it', async () => {
    const token = await env.token();
    const { data: opportunity } = await env.newOpportunity();
    expect((await env.call('GET', '/v1/postings?limit=1', token)).status).toBe(200);
    const tags = { tags: ['Eligo-WOTC:Pre Qualified'] };
    const tagPath = `/v1/opportunities/${opportunity.id}/addTags`;
    expect((await env.call('POST', tagPath, token, tags)).status).toBe(200);
    expect((await env.call('POST', '/v1/opportunities/nope/addTags', token, tags)).status).toBe(
      404,
    );
    expect((await env.call('GET', '/v1/postings', 'not-a-token')).status).toBe(401);

    const all = (await env.call('GET', '/_emulator/requests')).body.data;
    expect(
      all.map((r: { method: string; path: string; status: number }) => [
        r.method,
        r.path,
        r.status,
      ]),
    ).toEqual([
      ['GET', '/postings?limit=1', 200],
      ['POST', `/opportunities/${opportunity.id}/addTags`, 200],
      ['POST', '/opportunities/nope/addTags', 404],
      ['GET', '/postings', 401],
    ]);
    expect(all[0]).toMatchObject({ body: null, tokenId: expect.any(String) });
    expect(all[1].body).toEqual(tags);
    expect(JSON.stringify(all)).not.toContain(token);

    const writes = await env.call(
      'GET',
      '/_emulator/requests?method=post&pathPrefix=/opportunities/',
    );
    expect(writes.body.data.map((r: { status: number }) => r.status)).toEqual([200, 404]);
    await env.call('DELETE', '/_emulator/counters');
    expect((await env.call('GET', '/_emulator/requests')).body.data).toEqual([]);
  });

  test('withheldScopes leaves requested scopes out of the grant', async () => {
    await env.call('PATCH', '/_emulator/switches', undefined, {
      withheldScopes: ['webhooks:write:admin'],
    });
    const tokens = await tokenRequest({
      grant_type: 'authorization_code',
      code: await env.codeFor('offline_access postings:read:admin webhooks:write:admin'),
    });
    expect(tokens.body.scope).toBe('offline_access postings:read:admin');
  });

  test('an injected fault can carry Retry-After', async () => {
    const token = await env.token();
    await env.call('POST', '/_emulator/faults', undefined, { status: 429, retryAfterSeconds: 7 });
    await env.call('POST', '/_emulator/faults', undefined, { status: 503 });
    const limited = await env.call('GET', '/v1/postings', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const down = await env.call('GET', '/v1/postings', token);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeNull();
  });

  test('a lost delivery response makes Lever retry a delivery the receiver already had', async () => {
    const seen: string[] = [];
    const receiver = (await import('node:http')).createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push(JSON.parse(body).token);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as { port: number }).port;
      await env.call('POST', '/_emulator/webhooks', undefined, {
        url: `http://127.0.0.1:${port}/hook`,
        event: 'applicationCreated',
      });
      await env.call('PUT', '/_emulator/event-groups/applicationCreated', undefined, {
        enabled: true,
      });
      await env.call('PATCH', '/_emulator/switches', undefined, { retryToken: 'fresh' });
      await env.call('POST', '/_emulator/delivery-faults', undefined, { lostResponses: 1 });
      await env.newOpportunity();
      await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(2);
      expect(new Set(seen).size).toBe(2);
      const [delivery] = (await env.call('GET', '/_emulator/deliveries')).body.data;
      expect(delivery.outcome).toBe('succeeded');
      expect(delivery.attempts[0].error).toContain('lost');
    } finally {
      receiver.close();
    }
  });

  test('DELETE /_emulator/webhooks/{id} removes an API-created webhook', async () => {
    const token = await env.token();
    const created = await env.call('POST', '/v1/webhooks', token, {
      url: 'https://example.com/hook',
      event: 'applicationCreated',
    });
    expect((await env.call('DELETE', `/_emulator/webhooks/${created.body.data.id}`)).status).toBe(
      204,
    );
    expect((await env.call('GET', '/v1/webhooks', token)).body.data).toEqual([]);
    expect((await env.call('DELETE', `/_emulator/webhooks/${created.body.data.id}`)).status).toBe(
      404,
    );
  });
});
