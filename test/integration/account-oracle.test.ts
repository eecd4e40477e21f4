import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiClient } from '../support/http.ts';
import { createOrganization, signedIn, type TestOrganization } from '../support/factories.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * No account oracle (issue 26 item 2): inviting an address that has an Eligo account in another
 * organization, or signing up with one while sign-up is open, answers exactly as for an address
 * nobody uses — status, body keys, time — and the owner of the address learns what happened by
 * email. These limits are not under test here: they are raised out of the way.
 */
let t: OrgTestApp;
let other: TestOrganization;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: {
      ALLOW_SIGNUP: 'true',
      PUBLIC_URL: 'http://eligo.test',
      NEW_ORGANIZATION_INVITATIONS_PER_DAY: '1000',
      ADMIN_MAILS_PER_ORGANIZATION_PER_HOUR: '1000',
      SIGNUPS_PER_EMAIL_PER_DAY: '1000',
      SIGNUPS_PER_IP_PER_DAY: '1000',
    },
    organization: { name: 'Inviting Org' },
  });
  other = await createOrganization(t.app, { name: 'Elsewhere Org' });
});
afterAll(() => t?.close());

const fresh = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** The shape of a JSON answer: its keys, recursively, with the type of each value. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  return value === null ? 'null' : typeof value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * Times `tries` rounds of `existing()` and `fresh()` in turn (so load hits both alike) and
 * expects their medians to be comparable: within a factor of 3, or 150 ms apart. A loose bound:
 * the point is that neither path skips the work the other does (a hash, a mail).
 */
async function expectComparableTimes(
  existing: () => Promise<unknown>,
  unused: () => Promise<unknown>,
) {
  const times = { existing: [] as number[], unused: [] as number[] };
  for (let i = 0; i < 5; i++) {
    for (const [key, run] of [
      ['existing', existing],
      ['unused', unused],
    ] as const) {
      const started = performance.now();
      await run();
      times[key].push(performance.now() - started);
    }
  }
  const [a, b] = [median(times.existing), median(times.unused)];
  expect({
    a,
    b,
    comparable: Math.abs(a - b) < 150 || Math.max(a, b) / Math.min(a, b) < 3,
  }).toMatchObject({
    comparable: true,
  });
}

describe('inviting an address that has an account elsewhere', () => {
  test('the same status and body as any invitation, and the same listing', async () => {
    const taken = await t.admin.post('/api/users', {
      email: other.admin.email,
      name: 'Taken Person',
      role: 'member',
    });
    const address = fresh('new');
    const unused = await t.admin.post('/api/users', {
      email: address,
      name: 'New Person',
      role: 'member',
    });
    expect(taken.statusCode).toBe(201);
    expect(unused.statusCode).toBe(201);
    expect(shapeOf(taken.json())).toEqual(shapeOf(unused.json()));
    expect(taken.json()).toMatchObject({
      email: other.admin.email,
      status: 'invited',
      role: 'member',
    });
    expect(taken.headers['content-type']).toBe(unused.headers['content-type']);

    const listed = (await t.admin.get('/api/users')).json().items as Array<Record<string, unknown>>;
    const rows = [other.admin.email, address].map((email) =>
      listed.find((u) => u.email === email)!,
    );
    expect(rows.map((row) => row.status)).toEqual(['invited', 'invited']);
    expect(shapeOf(rows[0])).toEqual(shapeOf(rows[1]));
  });

  test('the owner is told by email what happened; nothing is created for them, their account is unchanged', async () => {
    const elsewhere = await createOrganization(t.app, { name: 'Owner Org' });
    expect(
      (
        await t.admin.post('/api/users', {
          email: elsewhere.admin.email,
          name: 'Owner',
          role: 'admin',
        })
      ).statusCode,
    ).toBe(201);
    const mail = await t.smtp.waitForMail(elsewhere.admin.email);
    expect(mail.subject).toBe("You're invited to Inviting Org on Eligo");
    expect(mail.text).toContain('already has an Eligo account');
    expect(mail.text).toContain('nothing was created');
    expect(mail.text).toContain('http://eligo.test/login');
    expect(mail.text).not.toContain('set-password');
    // Their own account still signs in, to their own organization.
    const owner = await signedIn(t.app, elsewhere.admin);
    expect((await owner.get('/api/auth/me')).json().organization.name).toBe('Owner Org');
    // The invitation to them can be sent again (same answer again, the explanation again).
    const stand = await t.db
      .collection('users')
      .findOne({ email: elsewhere.admin.email, accountElsewhere: true });
    const resent = await t.admin.post(`/api/users/${stand!._id.toHexString()}/invitation`);
    expect(resent.statusCode).toBe(200);
    expect((await t.smtp.waitForMails(elsewhere.admin.email, 2))[1]!.text).toContain(
      'already has an Eligo account',
    );
  });

  test('inviting someone twice is a conflict either way (the admin sees their own users anyway)', async () => {
    const elsewhere = await createOrganization(t.app);
    const address = fresh('twice');
    for (const email of [elsewhere.admin.email, address]) {
      expect(
        (await t.admin.post('/api/users', { email, name: 'Twice', role: 'member' })).statusCode,
      ).toBe(201);
      const again = await t.admin.post('/api/users', {
        email: email.toUpperCase(),
        name: 'Twice',
        role: 'member',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe(
        'Someone with this email is already a user of your organization',
      );
    }
  });

  test('comparable time for an address with an account and one without', async () => {
    const owners = await Promise.all(Array.from({ length: 5 }, () => createOrganization(t.app)));
    let n = 0;
    await expectComparableTimes(
      () =>
        t.admin.post('/api/users', {
          email: owners[n++]!.admin.email,
          name: 'Timed',
          role: 'member',
        }),
      () => t.admin.post('/api/users', { email: fresh('timed'), name: 'Timed', role: 'member' }),
    );
  });
});

describe('open sign-up with an address that has an account', () => {
  const body = (email: string) => ({
    organizationName: 'Copycat Org',
    name: 'Zed Relayer',
    email,
    password: 'a long enough passphrase',
  });

  test('the same answer as for a new address; the owner is told by email; nothing is created', async () => {
    const organizations = await t.db.collection('organizations').countDocuments();
    const taken = await apiClient(t.app, { ip: '10.30.0.1' }).post(
      '/api/auth/signup',
      body(other.admin.email),
    );
    const address = fresh('signup');
    const unused = await apiClient(t.app, { ip: '10.30.0.2' }).post(
      '/api/auth/signup',
      body(address),
    );
    expect([taken.statusCode, unused.statusCode]).toEqual([201, 201]);
    expect(shapeOf(taken.json())).toEqual(shapeOf(unused.json()));
    expect(taken.json()).toEqual({ me: null, confirmationSentTo: other.admin.email });
    expect(taken.cookies).toEqual([]);
    expect(unused.cookies).toEqual([]);

    const notice = await t.smtp.waitForMail(other.admin.email);
    expect(notice.text).toContain('already has an Eligo account');
    expect(notice.text).toContain('nothing was created');
    const confirm = await t.smtp.waitForMail(address);
    expect(confirm.text).toMatch(/http:\/\/eligo\.test\/signup\/confirm#token=/);
    // Neither mail carries text the requester chose (no relaying through sign-up).
    for (const mail of [notice, confirm]) {
      expect(mail.text).not.toContain('Copycat Org');
      expect(mail.text).not.toContain('Zed Relayer');
    }
    expect(await t.db.collection('organizations').countDocuments()).toBe(organizations);
  });

  test('comparable time for an address with an account and one without', async () => {
    let ip = 0;
    const client = () => apiClient(t.app, { ip: `10.31.0.${++ip}` });
    await expectComparableTimes(
      () => client().post('/api/auth/signup', body(other.admin.email)),
      () => client().post('/api/auth/signup', body(fresh('timed-signup'))),
    );
  });
});
