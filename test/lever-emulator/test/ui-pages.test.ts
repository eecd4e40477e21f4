import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createEmulator } from '../src/index.ts';

const emulator = createEmulator();
const app = emulator.app;

async function loginAs(email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    payload: new URLSearchParams({ email, password: 'lever', next: '/candidates' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(response.statusCode).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const form = (cookie: string, url: string, fields: Record<string, string | string[]> = {}) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of [value].flat()) body.append(key, v);
  return app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
};
const get = (cookie: string, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie } });

let sam: string;
beforeAll(() => app.ready());
beforeEach(async () => {
  emulator.reset();
  sam = await loginAs('sam.super@acme.example');
});
afterAll(() => emulator.close());

describe('settings pages', () => {
  test('need a login, and a Super Admin', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/settings/integrations/webhooks' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fsettings%2Fintegrations%2Fwebhooks');
    for (const email of ['alex.admin@acme.example', 'terry.team@acme.example']) {
      const page = await get(await loginAs(email), '/settings/integrations/authorized-apps');
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('Only a Super Admin');
    }
    expect((await get(sam, '/settings/integrations/api-credentials')).statusCode).toBe(200);
  });

  test('wrong password is refused', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      payload: 'email=sam.super%40acme.example&password=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(401);
  });

  test('webhooks tab: toggle, add with origins, regenerate, delete; API webhooks are read-only', async () => {
    expect(emulator.state.eventGroups.get('applicationCreated')).toBe(false);
    await form(sam, '/settings/integrations/webhooks/groups/applicationCreated', {
      enabled: 'true',
    });
    expect(emulator.state.eventGroups.get('applicationCreated')).toBe(true);
    const page = await get(sam, '/settings/integrations/webhooks');
    expect(page.body).toMatch(
      /role="switch"\s+aria-checked="true"\s+aria-label="Application created"/,
    );

    const added = await form(sam, '/settings/integrations/webhooks', {
      event: 'applicationCreated',
      url: 'https://hooks.example.com/a',
      origins: ['applied', 'referred'],
    });
    const id = new URL(added.headers.location as string, 'http://x').searchParams.get('created')!;
    const webhook = emulator.state.webhooks.get(id)!;
    expect(webhook).toMatchObject({ createdVia: 'ui', origins: ['applied', 'referred'] });
    const shown = await get(sam, added.headers.location as string);
    expect(shown.body).toContain(webhook.signatureToken);

    const before = webhook.signatureToken;
    await form(sam, `/settings/integrations/webhooks/${id}/regenerate`);
    expect(webhook.signatureToken).not.toBe(before);
    expect(webhook.signatureToken).toMatch(/^[0-9a-f]{48}$/);

    const bad = await form(sam, '/settings/integrations/webhooks', {
      event: 'applicationCreated',
      url: 'http://hooks.example.com/a',
    });
    expect(decodeURIComponent(bad.headers.location as string)).toContain('url must use https');

    await form(sam, `/settings/integrations/webhooks/${id}/delete`);
    expect(emulator.state.webhooks.has(id)).toBe(false);

    const api = await app.inject({
      method: 'POST',
      url: '/_emulator/webhooks',
      payload: {
        url: 'https://hooks.example.com/api',
        event: 'applicationCreated',
        createdVia: 'api',
      },
    });
    const apiId = api.json().data.id as string;
    const refused = await form(sam, `/settings/integrations/webhooks/${apiId}/delete`);
    expect(decodeURIComponent(refused.headers.location as string)).toContain(
      'created through the API',
    );
    expect(emulator.state.webhooks.has(apiId)).toBe(true);
  });

  test('API credentials tab generates and revokes keys that work with HTTP Basic', async () => {
    await form(sam, '/settings/integrations/api-credentials', { label: 'Reporting' });
    const key = [...emulator.state.apiKeys.values()][0]!;
    expect((await get(sam, '/settings/integrations/api-credentials')).body).toContain(key.key);
    const basic = `Basic ${Buffer.from(`${key.key}:`).toString('base64')}`;
    expect(
      (await app.inject({ method: 'GET', url: '/v1/postings', headers: { authorization: basic } }))
        .statusCode,
    ).toBe(200);
    await form(sam, `/settings/integrations/api-credentials/${key.id}/revoke`);
    expect(
      (await app.inject({ method: 'GET', url: '/v1/postings', headers: { authorization: basic } }))
        .statusCode,
    ).toBe(401);
  });
});

describe('candidates pages', () => {
  test('any user can create a candidate; the list shows tags', async () => {
    const terry = await loginAs('terry.team@acme.example');
    expect((await get(terry, '/candidates/new')).body).toContain('Email (optional)');
    const created = await form(terry, '/candidates', {
      name: 'Pat Doe',
      email: '',
      postingId: 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495',
      origin: 'referred',
    });
    expect(created.statusCode).toBe(303);
    const opportunity = [...emulator.state.opportunities.values()][0]!;
    expect(opportunity).toMatchObject({ origin: 'referred', applicationIds: [expect.any(String)] });
    opportunity.tags.push('HRLogics-WOTC:Pre Qualified');
    const list = await get(terry, '/candidates');
    expect(list.body).toContain('Pat Doe');
    expect(list.body).toContain('HRLogics-WOTC:Pre Qualified');
  });
});
