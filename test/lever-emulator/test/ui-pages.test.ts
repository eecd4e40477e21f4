import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createEmulator, seedPostings } from '../src/index.ts';
import { uiClient } from './helpers/ui.ts';

const emulator = createEmulator();
const app = emulator.app;

const { loginAs, form, get } = uiClient(app);

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

  test("Lever's own tab links (?tab=webhooks, ?tab=api) open those tabs", async () => {
    for (const [tab, page] of [
      ['webhooks', '/settings/integrations/webhooks'],
      ['api', '/settings/integrations/api-credentials'],
      ['unknown', '/settings/integrations/api-credentials'],
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: `/settings/integrations?tab=${tab}`,
      });
      expect({ tab, location: response.headers.location }).toEqual({ tab, location: page });
    }
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

  test('the form offers every seeded posting, the first one chosen, and a lead last', async () => {
    const body = (await get(sam, '/candidates/new')).body;
    const options = [...body.matchAll(/<option value="([^"]*)"\s*(selected)?\s*>\s*([^<]*?)\s*</g)]
      .filter(([, value]) => value === '' || seedPostings.some((p) => p.id === value))
      .map(([, value, selected, label]) => ({ value, selected: Boolean(selected), label }));
    expect(options.map((o) => o.label)).toEqual([
      ...seedPostings.map((p) => p.text),
      'No posting (lead)',
    ]);
    expect(options.filter((o) => o.selected).map((o) => o.value)).toEqual([seedPostings[0]!.id]);
  });

  test('one form per seeded posting: an application to that posting and Application created sent', async () => {
    await app.inject({
      method: 'PUT',
      url: '/_emulator/event-groups/applicationCreated',
      payload: { enabled: true },
    });
    await app.inject({
      method: 'POST',
      url: '/_emulator/webhooks',
      payload: { url: 'http://127.0.0.1:9/hook', event: 'applicationCreated' },
    });
    for (const [i, posting] of seedPostings.entries()) {
      const created = await form(sam, '/candidates', {
        name: `Candidate ${i}`,
        email: `candidate-${i}@example.net`,
        postingId: posting.id,
        origin: 'applied',
      });
      expect(created.statusCode).toBe(303);
      const id = new URL(created.headers.location as string, 'http://x').searchParams.get(
        'created',
      )!;
      const opportunity = emulator.state.opportunities.get(id)!;
      const application = emulator.state.applications.get(opportunity.applicationIds[0]!)!;
      expect(application).toMatchObject({
        postingId: posting.id,
        email: `candidate-${i}@example.net`,
      });
      const notice = (await get(sam, created.headers.location as string)).body;
      expect(notice).toMatch(/Candidate created\.\s+Application created was sent to 1 webhook\b/);
    }
    expect(emulator.state.deliveries.filter((d) => d.event === 'applicationCreated')).toHaveLength(
      seedPostings.length,
    );
  });

  test('with Application created off (as in Lever until a Super Admin turns it on), the notice says why nothing was sent', async () => {
    expect(emulator.state.eventGroups.get('applicationCreated')).toBe(false);
    const created = await form(sam, '/candidates', {
      name: 'Quiet Quinn',
      postingId: seedPostings[1]!.id,
    });
    const notice = (await get(sam, created.headers.location as string)).body;
    expect(notice).toContain(
      'No webhook was called: the Application created event group is switched off',
    );
    expect(notice).toContain('href="/settings/integrations/webhooks"');
    expect(emulator.state.deliveries).toEqual([]);
  });

  test.each([
    [{ name: '  ', email: '', postingId: seedPostings[0]!.id }, 'Enter the candidate’s name.'],
    [
      { name: 'Al', email: 'not-an-email', postingId: seedPostings[0]!.id },
      'Enter an email address',
    ],
    [{ name: 'Al', email: '', postingId: 'no-such-posting' }, 'Choose a posting from the list.'],
  ])(
    '%o → 400, the form again with the error and what was typed, nothing created',
    async (fields, error) => {
      const response = await form(sam, '/candidates', { ...fields, origin: 'applied' });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('role="alert"');
      expect(response.body).toContain(error);
      expect(response.body).toContain('aria-invalid="true"');
      if (fields.email) expect(response.body).toContain(`value="${fields.email}"`);
      expect(emulator.state.opportunities.size).toBe(0);
    },
  );

  test('without a login the pages send to the login page', async () => {
    const page = await app.inject({ method: 'GET', url: '/candidates/new' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fcandidates%2Fnew');
    const post = await app.inject({
      method: 'POST',
      url: '/candidates',
      payload: 'name=X',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(303);
    expect(emulator.state.opportunities.size).toBe(0);
  });
});
