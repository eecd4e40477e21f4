import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from './helpers/emulator.ts';

const ALL =
  'opportunities:write:admin postings:read:admin webhooks:write:admin contact:read:admin users:read:admin stages:read:admin tags:read:admin notes:write:admin';
const WAREHOUSE = 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495';
const CONFIDENTIAL_POSTING = '2b3c4d5e-6f70-4819-9a2b-3c4d5e6f7081';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let env: Awaited<ReturnType<typeof startEmulator>>;
let token: string;

beforeAll(async () => {
  env = await startEmulator();
});
beforeEach(async () => {
  env.emulator.reset();
  token = await env.token(ALL);
});
afterAll(() => env.close());

describe('opportunities', () => {
  test('get with expand follows the §3.3 recipe: name, email, posting title', async () => {
    const created = await env.newOpportunity({ tags: ['Warehouse'] });
    const { status, body } = await env.call(
      'GET',
      `/v1/opportunities/${created.data.id}?expand=applications&expand=contact`,
      token,
    );
    expect(status).toBe(200);
    const opp = body.data;
    expect(opp.id).toMatch(UUID);
    expect(opp).toMatchObject({
      name: 'Dana Rivera',
      emails: ['dana.rivera@example.net'],
      origin: 'applied',
      stage: 'applicant-new',
      tags: ['Warehouse'],
      confidentiality: 'non-confidential',
      isAnonymized: false,
    });
    expect(opp.contact).toMatchObject({
      id: created.contactId,
      emails: ['dana.rivera@example.net'],
      location: { name: '' },
    });
    expect(Number.isInteger(opp.createdAt) && opp.createdAt > 1.6e12).toBe(true);
    expect(opp.applications).toHaveLength(1);
    expect(opp.applications[0]).toMatchObject({
      id: created.applicationId,
      opportunityId: opp.id,
      type: 'posting',
      posting: WAREHOUSE,
      email: 'dana.rivera@example.net',
    });
    const posting = await env.call('GET', `/v1/postings/${opp.applications[0].posting}`, token);
    expect(posting.body.data).toMatchObject({
      id: WAREHOUSE,
      text: 'Warehouse Associate',
      state: 'published',
    });

    const plain = await env.call(
      'GET',
      `/v1/opportunities/${opp.id}?expand[]=stage&include=name`,
      token,
    );
    expect(plain.body.data).toEqual({
      id: opp.id,
      name: 'Dana Rivera',
      stage: { id: 'applicant-new', text: 'New applicant' },
    });
  });

  test('an opportunity without email or application stays well-formed', async () => {
    const lead = await env.newOpportunity({ email: null, postingId: null, name: '' });
    const { body } = await env.call(
      'GET',
      `/v1/opportunities/${lead.data.id}?expand=applications`,
      token,
    );
    expect(body.data).toMatchObject({
      name: '',
      emails: [],
      applications: [],
      stage: 'lead-new',
      origin: 'sourced',
    });
    expect(lead.applicationId).toBeNull();
  });

  test('tags: add is idempotent, remove is exact and case-sensitive; both answer the opportunity', async () => {
    const { data } = await env.newOpportunity();
    const add = await env.call('POST', `/v1/opportunities/${data.id}/addTags`, token, {
      tags: ['HRLogics-WOTC:Pre Qualified'],
    });
    expect(add.status).toBe(200);
    expect(add.body.data.tags).toEqual(['HRLogics-WOTC:Pre Qualified']);
    await env.call(
      'POST',
      `/v1/opportunities/${data.id}/addTags?perform_as=e2a9c0b7-1d34-4f6b-8e55-7a0c3b2d9f10`,
      token,
      { tags: ['HRLogics-WOTC:Pre Qualified', 'Other'] },
    );
    const wrongCase = await env.call('POST', `/v1/opportunities/${data.id}/removeTags`, token, {
      tags: ['hrlogics-wotc:pre qualified'],
    });
    expect(wrongCase.body.data.tags).toEqual(['HRLogics-WOTC:Pre Qualified', 'Other']);
    const removed = await env.call('POST', `/v1/opportunities/${data.id}/removeTags`, token, {
      tags: ['HRLogics-WOTC:Pre Qualified'],
    });
    expect(removed.body.data.tags).toEqual(['Other']);
    const control = await env.call('GET', `/_emulator/opportunities/${data.id}`);
    expect(control.body.data.tags).toEqual(['Other']);
    const tags = await env.call('GET', '/v1/tags', token);
    expect(tags.body.data).toEqual([{ text: 'Other', count: 1 }]);
  });

  test('list pages with hasNext and an opaque next; filters apply', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(
        (
          await env.newOpportunity({
            email: `p${i}@example.net`,
            origin: i % 2 ? 'referred' : 'applied',
          })
        ).data.id,
      );
      env.emulator.clock.advance(1);
    }
    const seen: string[] = [];
    let offset: string | undefined;
    for (;;) {
      const page = await env.call(
        'GET',
        `/v1/opportunities?limit=2${offset ? `&offset=${offset}` : ''}`,
        token,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((o: { id: string }) => o.id));
      if (!page.body.hasNext) {
        expect(page.body.next).toBeUndefined();
        break;
      }
      offset = page.body.next;
    }
    expect(seen).toEqual(ids);
    const referred = await env.call('GET', '/v1/opportunities?origin=referred', token);
    expect(referred.body.data).toHaveLength(2);
    const byEmail = await env.call('GET', '/v1/opportunities?email=p3@example.net', token);
    expect(byEmail.body.data.map((o: { id: string }) => o.id)).toEqual([ids[3]]);
  });

  test('deleted opportunities answer 404 and appear under /opportunities/deleted', async () => {
    const { data } = await env.newOpportunity({ deleteAfterEvent: true });
    const gone = await env.call('GET', `/v1/opportunities/${data.id}`, token);
    expect(gone).toMatchObject({
      status: 404,
      body: { code: 'ResourceNotFound', message: `opportunities ${data.id} was not found` },
    });
    const deleted = await env.call('GET', '/v1/opportunities/deleted', token);
    expect(deleted.body.data[0]).toMatchObject({ id: data.id, deletedAt: expect.any(Number) });
  });

  test('confidential opportunities need confidential access', async () => {
    const { data } = await env.newOpportunity({ postingId: CONFIDENTIAL_POSTING });
    expect((await env.call('GET', `/v1/opportunities/${data.id}`, token)).status).toBe(403);
    expect(
      (await env.call('GET', '/v1/opportunities?confidentiality=all', token)).body.data,
    ).toEqual([]);
    const wide = await env.token(`${ALL} confidential:access:admin`);
    expect((await env.call('GET', `/v1/opportunities/${data.id}`, wide)).status).toBe(200);
    expect(
      (await env.call('GET', '/v1/opportunities?confidentiality=all', wide)).body.data,
    ).toHaveLength(1);
  });
});

describe('reference objects', () => {
  test('contacts, postings, users and stages', async () => {
    const { contactId } = await env.newOpportunity({ email: 'c@example.net' });
    expect((await env.call('GET', `/v1/contacts/${contactId}`, token)).body.data).toMatchObject({
      id: contactId,
      emails: ['c@example.net'],
    });
    const postings = await env.call('GET', '/v1/postings', token);
    expect(postings.body).toMatchObject({ hasNext: false });
    expect(postings.body.data.map((p: { text: string }) => p.text)).toContain(
      'Warehouse Associate',
    );
    expect(postings.body.data.some((p: { id: string }) => p.id === CONFIDENTIAL_POSTING)).toBe(
      false,
    );
    const users = await env.call('GET', '/v1/users', token);
    expect(users.body.data.map((u: { accessRole: string }) => u.accessRole).sort()).toEqual([
      'admin',
      'super admin',
      'team member',
    ]);
    const stages = await env.call('GET', '/v1/stages', token);
    expect(stages.body.data.map((s: { id: string }) => s.id)).toContain('applicant-new');
  });
});

describe('error bodies are {code, message}', () => {
  test.each([
    ['no credentials', () => env.call('GET', '/v1/opportunities'), 401, 'Unauthorized'],
    ['garbage token', () => env.call('GET', '/v1/opportunities', 'not-a-jwt'), 401, 'Unauthorized'],
    [
      'missing scope',
      async () => env.call('GET', '/v1/users', await env.token('postings:read:admin')),
      403,
      'Forbidden',
    ],
    [
      'other environment',
      async () => env.call('GET', '/v1/opportunities', await env.token(ALL, 'sandbox')),
      403,
      'Forbidden',
    ],
    [
      'unknown object',
      () => env.call('GET', '/v1/opportunities/9b1e4c52-7f0a-4d7e-9c3b-2a61f0d4e8a1', token),
      404,
      'ResourceNotFound',
    ],
    ['unknown route', () => env.call('GET', '/v1/candidatez', token), 404, 'ResourceNotFound'],
    [
      'limit out of range',
      () => env.call('GET', '/v1/opportunities?limit=0', token),
      400,
      'BadRequest',
    ],
    ['bad offset', () => env.call('GET', '/v1/opportunities?offset=xyz', token), 400, 'BadRequest'],
    [
      'bad body',
      () => env.call('POST', '/v1/opportunities/x/addTags', token, { tag: ['one'] }),
      400,
      'BadRequest',
    ],
  ])('%s → %i %s', async (_name, run, status, code) => {
    const response = await run();
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ code, message: expect.any(String) });
  });

  test('cross-environment token says "Unable to find a signing key that matches"', async () => {
    const response = await env.call('GET', '/v1/opportunities', await env.token(ALL, 'sandbox'));
    expect(response.body.message).toBe('Unable to find a signing key that matches');
  });

  test.each([429, 500, 503])(
    'injected %i answers the next N calls, then recovers',
    async (status) => {
      await env.call('POST', '/_emulator/faults', undefined, {
        status,
        count: 2,
        pathPrefix: '/opportunities',
      });
      expect((await env.call('GET', '/v1/postings', token)).status).toBe(200);
      for (let i = 0; i < 2; i += 1) {
        const response = await env.call('GET', '/v1/opportunities', token);
        expect(response.status).toBe(status);
        expect(response.body).toEqual({ code: expect.any(String), message: expect.any(String) });
      }
      expect((await env.call('GET', '/v1/opportunities', token)).status).toBe(200);
    },
  );

  test('a slow-response fault delays the next call', async () => {
    await env.call('POST', '/_emulator/faults', undefined, { delayMs: 300 });
    const started = Date.now();
    expect((await env.call('GET', '/v1/opportunities', token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
