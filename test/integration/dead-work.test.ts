import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiClient, type ApiClient } from '../support/http.ts';
import { createOrganization, createUser, signedIn } from '../support/factories.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { waitFor } from '../support/wait.ts';

/**
 * The admin's dead work: `GET /api/jobs/dead` (a count per kind, for the home's to-do list) and
 * `POST /api/jobs/retry` `{ kind }` ("Retry all"), of the caller's organization only.
 */
let t: OrgTestApp;
let admin: ApiClient;
let otherAdmin: ApiClient;
let otherOrg: Types.ObjectId;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { env: { JOBS_POLL_INTERVAL_MS: '50' } });
  admin = t.admin;
  const other = await createOrganization(t.app);
  otherOrg = new Types.ObjectId(other.organizationId);
  otherAdmin = await signedIn(t.app, other.admin);
});
afterAll(() => t?.close());

const countOf = async (client: ApiClient, kind: string) =>
  (
    (await client.get('/api/jobs/dead')).json() as { items: Array<{ kind: string; count: number }> }
  ).items.find((i) => i.kind === kind)!.count;

/** A mail the SMTP server refuses for good (550): its job is dead at once. */
async function deadMail(organizationId: Types.ObjectId): Promise<string> {
  const to = `nobody-${new Types.ObjectId().toHexString()}@example.com`;
  t.smtp.faults.rejectRcpt.add(to);
  await t.app.mail.enqueue(
    { to, subject: 'Hello', text: 'Hello' },
    { organizationId, kind: 'test.dead', ref: { to } },
  );
  await waitFor('the mail to die', async () => {
    const job = await t.db.collection('jobs').findOne({ 'payload.ref.to': to });
    return job?.state === 'dead';
  });
  return to;
}

test('dead work is counted per kind for the admin home, each organization its own', async () => {
  const listed = (await admin.get('/api/jobs/dead')).json() as {
    items: Array<{ kind: string; count: number }>;
  };
  expect(listed.items.map((i) => i.kind)).toEqual(['mail', 'lever-application', 'lever-tag']);
  const [mine, theirs] = [await countOf(admin, 'mail'), await countOf(otherAdmin, 'mail')];
  await deadMail(new Types.ObjectId(t.org.organizationId));
  await deadMail(otherOrg);
  await deadMail(otherOrg);
  expect(await countOf(admin, 'mail')).toBe(mine + 1);
  expect(await countOf(otherAdmin, 'mail')).toBe(theirs + 2);
  expect(await countOf(admin, 'lever-tag')).toBe(0);
});

test('"Retry all" of a kind queues its dead jobs again, of the caller\'s organization only, and says how many', async () => {
  const mine = await deadMail(new Types.ObjectId(t.org.organizationId));
  await deadMail(otherOrg);
  const otherBefore = await countOf(otherAdmin, 'mail');
  const mineBefore = await countOf(admin, 'mail');
  t.smtp.faults.rejectRcpt.clear(); // the address works now
  const res = await admin.post('/api/jobs/retry', { kind: 'mail' });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ kind: 'mail', retried: mineBefore });
  await t.smtp.waitForMail(mine);
  await waitFor('no dead mail left', async () => (await countOf(admin, 'mail')) === 0);
  expect(await countOf(otherAdmin, 'mail')).toBe(otherBefore);
  // Nothing left to retry: 0, not an error.
  expect((await admin.post('/api/jobs/retry', { kind: 'mail' })).json()).toEqual({
    kind: 'mail',
    retried: 0,
  });
  expect(
    t.logs.some((l) => l.msg === 'an admin retried all dead jobs of a kind' && l.kind === 'mail'),
  ).toBe(true);
});

test.each([
  [{ kind: 'everything' }, '/body/kind'],
  [{}, '/body/kind'],
  [{ kind: 'mail', extra: 1 }, '/body/extra'],
])('a bad kind is refused with 400 and its path (%#)', async (body, path) => {
  const res = await admin.post('/api/jobs/retry', body);
  expect(res.statusCode).toBe(400);
  expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
});

test('members cannot see or retry dead work (403); nobody signed in gets 401', async () => {
  const member = await signedIn(t.app, await createUser(t.app, t.org.organizationId));
  expect((await member.get('/api/jobs/dead')).statusCode).toBe(403);
  expect((await member.post('/api/jobs/retry', { kind: 'mail' })).statusCode).toBe(403);
  expect((await apiClient(t.app).get('/api/jobs/dead')).statusCode).toBe(401);
  expect((await apiClient(t.app).post('/api/jobs/retry', { kind: 'mail' })).statusCode).toBe(401);
});
