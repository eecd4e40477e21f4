import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { ttlSecondsOf } from '../support/ttl.ts';
import { waitFor } from '../support/wait.ts';
import {
  createOrganization,
  createUser,
  DEFAULT_PASSWORD,
  signedIn,
} from '../support/factories.ts';

/**
 * The token of the newest confirmation link mailed to `email`, read in the dev mailbox. The mail
 * goes through the outbox: it shows up once its job has run, a moment after the answer.
 */
async function outboxToken(t: TestApp, email: string): Promise<string> {
  const text = await waitFor(`a confirmation link mailed to ${email}`, async () => {
    const { items } = (
      await apiClient(t.app).get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)
    ).json() as { items: Array<{ subject: string; text: string }> };
    return items.find((item) => item.subject.startsWith('Confirm your email'))?.text;
  });
  const token = /signup\/confirm#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no confirmation link in the mail to ${email}`);
  return token;
}

const signupBody = {
  organizationName: 'Acme Logistics',
  name: 'Ada Admin',
  email: 'Ada@Example.com',
  password: 'a long enough passphrase',
};

describe('first-run sign-up', () => {
  // Each test needs a fresh install (no organization yet): its own database.
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(import.meta.filename);
  });
  afterEach(() => t.close());

  test('sign-up is open on a fresh install, creates the organization and its admin, and signs in', async () => {
    const client = apiClient(t.app);
    expect((await client.get('/api/auth/signup-status')).json()).toEqual({
      open: true,
      confirmByEmail: false,
    });

    const res = await client.post('/api/auth/signup', signupBody);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      me: {
        user: { name: 'Ada Admin', email: 'Ada@Example.com', role: 'admin' },
        organization: { name: 'Acme Logistics' },
      },
      confirmationSentTo: null,
    });
    const cookie = res.cookies.find((c) => c.name === 'eligo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy(); // plain-HTTP localhost; Secure + __Host- behind HTTPS (unit-tested in config)
    expect((await client.get('/api/auth/me')).json().user.email).toBe('Ada@Example.com');
  });

  test('after the first organization, sign-up is closed', async () => {
    await createOrganization(t.app);
    const client = apiClient(t.app);
    expect((await client.get('/api/auth/signup-status')).json()).toEqual({
      open: false,
      confirmByEmail: false,
    });
    const res = await client.post('/api/auth/signup', {
      ...signupBody,
      email: 'someone.else@example.com',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SIGNUP_CLOSED' });
    expect(await t.db.collection('organizations').countDocuments()).toBe(1);
  });

  test('the stored password hash is Argon2id with m ≥ 19 MiB, t ≥ 2, p = 1', async () => {
    expect((await apiClient(t.app).post('/api/auth/signup', signupBody)).statusCode).toBe(201);
    const user = await t.db.collection('users').findOne({ emailNormalized: 'ada@example.com' });
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(user!.passwordHash as string);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    expect(Number(match![3])).toBe(1);
    expect(JSON.stringify(user)).not.toContain(signupBody.password);
  });
});

describe('concurrent first sign-ups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(import.meta.filename);
  });
  afterAll(() => t.close());

  test('five people signing up at once on a fresh install: exactly one organization is created', async () => {
    const responses = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        apiClient(t.app).post('/api/auth/signup', {
          ...signupBody,
          email: `founder${i}@example.com`,
        }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 403)).toHaveLength(4);
    expect(await t.db.collection('organizations').countDocuments()).toBe(1);
  });
});

describe('sign-up with ALLOW_SIGNUP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(import.meta.filename, {
      env: { ALLOW_SIGNUP: 'true', DEV_MAILBOX: 'true', SIGNUPS_PER_IP_PER_DAY: '100' },
    });
  });
  afterAll(() => t.close());

  test('more organizations can sign up once they confirm their address; an email holds one account (case-insensitive)', async () => {
    expect((await apiClient(t.app).get('/api/auth/signup-status')).json()).toEqual({
      open: true,
      confirmByEmail: true,
    });
    // Other tests of this file may have confirmed sign-ups before (the order is shuffled in CI).
    const before = await t.db.collection('organizations').countDocuments();
    for (const email of ['ada@example.com', 'other@example.com']) {
      const res = await apiClient(t.app).post('/api/auth/signup', { ...signupBody, email });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ me: null, confirmationSentTo: email });
      expect(res.cookies.filter((c) => c.name === 'eligo_session')).toEqual([]);
      const visitor = apiClient(t.app);
      const confirmed = await visitor.post('/api/auth/signup/confirm', {
        token: await outboxToken(t, email),
      });
      expect(confirmed.statusCode).toBe(201);
      expect(confirmed.json().user).toMatchObject({ email, role: 'admin' });
      expect((await visitor.get('/api/auth/me')).statusCode).toBe(200);
    }
    expect(await t.db.collection('organizations').countDocuments()).toBe(before + 2);
    // The same address again (another case): the same answer, no third organization.
    const dup = await apiClient(t.app).post('/api/auth/signup', {
      ...signupBody,
      email: 'ADA@example.COM',
    });
    expect(dup.statusCode).toBe(201);
    expect(dup.json()).toEqual({ me: null, confirmationSentTo: 'ADA@example.COM' });
    expect(await t.db.collection('organizations').countDocuments()).toBe(before + 2);
  });

  test('a confirmation link works once, and not after it expired', async () => {
    const email = 'once@example.com';
    await apiClient(t.app).post('/api/auth/signup', { ...signupBody, email });
    const token = await outboxToken(t, email);
    const twice = await Promise.all([
      apiClient(t.app).post('/api/auth/signup/confirm', { token }),
      apiClient(t.app).post('/api/auth/signup/confirm', { token }),
    ]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(twice.find((r) => r.statusCode === 400)!.json().code).toBe('SIGNUP_LINK_INVALID');

    const late = 'late@example.com';
    await apiClient(t.app).post('/api/auth/signup', { ...signupBody, email: late });
    const lateToken = await outboxToken(t, late);
    await t.db
      .collection('signup_requests')
      .updateMany({ email: late }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await apiClient(t.app).post('/api/auth/signup/confirm', { token: lateToken });
    expect(expired.statusCode).toBe(400);
    expect(await t.db.collection('users').countDocuments({ emailNormalized: late })).toBe(0);
  });

  test.each([
    [{ ...signupBody, password: 'short' }, '/body/password'],
    [{ ...signupBody, email: 'not-an-email' }, '/body/email'],
    [{ ...signupBody, organizationName: '' }, '/body/organizationName'],
    [{ name: 'x', email: 'x@example.com', password: 'long enough pass' }, '/body/organizationName'],
    [{ ...signupBody, email: { $ne: null } }, '/body/email'],
    [{ ...signupBody, role: 'admin' }, '/body/role'],
  ])('a bad sign-up body is refused with its field path (%#)', async (body, path) => {
    const res = await apiClient(t.app).post('/api/auth/signup', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('a body that is not JSON gets 415, broken JSON 400, a huge one 413; nothing is stored', async () => {
    const before = await t.db.collection('users').countDocuments();
    const notJson = await apiClient(t.app).request('POST', '/api/auth/signup', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(notJson.statusCode).toBe(415);
    expect(notJson.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await apiClient(t.app).request('POST', '/api/auth/signup', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(broken.statusCode).toBe(400);
    const huge = await apiClient(t.app).post('/api/auth/signup', {
      ...signupBody,
      name: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.db.collection('users').countDocuments()).toBe(before);
  });
});

describe('login, logout and sessions', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrganization>>;
  beforeAll(async () => {
    t = await createTestApp(import.meta.filename);
    org = await createOrganization(t.app);
  });
  afterAll(() => t.close());

  test('the right password signs in; the email is matched case-insensitively', async () => {
    const client = apiClient(t.app);
    const res = await client.post('/api/auth/login', {
      email: org.admin.email.toUpperCase(),
      password: DEFAULT_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: org.admin.email, role: 'admin' });
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  test('wrong password, unknown email and a deactivated account get the same answer', async () => {
    const deactivated = await createUser(t.app, org.organizationId, { status: 'deactivated' });
    const answers = await Promise.all([
      apiClient(t.app).post('/api/auth/login', {
        email: org.admin.email,
        password: 'wrong password!',
      }),
      apiClient(t.app).post('/api/auth/login', {
        email: 'nobody@example.com',
        password: 'wrong password!',
      }),
      apiClient(t.app).post('/api/auth/login', {
        email: deactivated.email,
        password: DEFAULT_PASSWORD,
      }),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'The email or password is not correct',
      });
      expect(res.cookies).toHaveLength(0);
    }
  });

  test('an unknown email costs a password verification too (no fast "no such user" path)', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await apiClient(t.app).post('/api/auth/login', { email, password: 'wrong password!' });
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(org.admin.email));
      unknown.push(await time(`ghost${i}@example.com`));
    }
    // Without the dummy Argon2 verification an unknown email answers in ~1 ms instead of ~50–100 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  test('the session id changes at login, and the previous session stops working', async () => {
    const client = await signedIn(t.app, org.admin);
    const first = client.cookies.get('eligo_session')!;
    const stolen = apiClient(t.app);
    stolen.cookies.set('eligo_session', first);
    await client.post('/api/auth/login', { email: org.admin.email, password: DEFAULT_PASSWORD });
    expect(client.cookies.get('eligo_session')).not.toBe(first);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(401);
  });

  test('logout ends the session on the server, not just in the browser', async () => {
    const client = await signedIn(t.app, org.admin);
    const copy = apiClient(t.app);
    copy.cookies.set('eligo_session', client.cookies.get('eligo_session')!);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect(client.cookies.has('eligo_session')).toBe(false);
    const res = await copy.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  test('only a hash of the session id is stored', async () => {
    const client = await signedIn(t.app, org.admin);
    const token = client.cookies.get('eligo_session')!;
    const raw = JSON.stringify(await t.db.collection('sessions').find().toArray());
    expect(raw).not.toContain(token);
  });

  test.each([
    ['absolute', { expiresAt: new Date(Date.now() - 1000) }],
    ['idle', { idleExpiresAt: new Date(Date.now() - 1000) }],
  ])('an %s-expired session is refused on the next request and removed', async (_kind, change) => {
    const client = await signedIn(t.app, org.admin);
    const sessions = t.db.collection('sessions');
    const newest = (await sessions.find().sort({ createdAt: -1 }).limit(1).toArray())[0]!;
    await sessions.updateOne({ _id: newest._id }, { $set: change });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(await sessions.countDocuments({ _id: newest._id })).toBe(0);
  });

  test('a session stored before sessions carried the identity is ended, not half-used', async () => {
    const client = await signedIn(t.app, org.admin);
    const sessions = t.db.collection('sessions');
    const newest = (await sessions.find().sort({ createdAt: -1 }).limit(1).toArray())[0]!;
    await sessions.updateOne({ _id: newest._id }, { $unset: { user: '', organization: '' } });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(await sessions.countDocuments({ _id: newest._id })).toBe(0);
  });

  test('ended sessions are deleted by a TTL index on idleExpiresAt, which never passes expiresAt', async () => {
    // The TTL index deletes a session when its idle deadline passes; the absolute end is never
    // later, so that is when either ends. Until the TTL monitor runs, requests refuse it (above).
    expect(await ttlSecondsOf(t.db, 'sessions', 'idleExpiresAt')).toBe(0);
    await signedIn(t.app, org.admin);
    const sessions = await t.db.collection('sessions').find().toArray();
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions)
      expect(session.idleExpiresAt.getTime()).toBeLessThanOrEqual(session.expiresAt.getTime());
  });

  test('a signed-in request learns who is calling from one database read (the session)', async () => {
    const client = await signedIn(t.app, org.admin);
    const operations: string[] = [];
    // The job runner polls on the same connection meanwhile: its collections are not the request's.
    t.app.mongo.set('debug', (collection: string, method: string) => {
      if (!collection.startsWith('job')) operations.push(`${collection}.${method}`);
    });
    try {
      const me = await client.get('/api/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().organization.name).toBe(org.name);
    } finally {
      t.app.mongo.set('debug', false);
    }
    expect(operations).toEqual(['sessions.findOne']);
  });

  test('GET /api/auth/session says who is signed in, and never answers 401', async () => {
    const anonymous = await apiClient(t.app).get('/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });

    const client = await signedIn(t.app, org.admin);
    const mine = await client.get('/api/auth/session');
    expect(mine.json().me.user.email).toBe(org.admin.email);

    await client.post('/api/auth/logout');
    const stale = apiClient(t.app);
    stale.cookies.set('eligo_session', 'a-session-that-ended');
    const ended = await stale.get('/api/auth/session');
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ me: null });
    expect(stale.cookies.has('eligo_session')).toBe(false);
  });

  test('an organization rename reaches the sessions of its people', async () => {
    const own = await createOrganization(t.app);
    const client = await signedIn(t.app, own.admin);
    await t.db
      .collection('organizations')
      .updateOne({ name: own.name }, { $set: { name: 'Renamed Org' } });
    await t.app.sessions.updateOrganization(new Types.ObjectId(own.organizationId), 'Renamed Org');
    expect((await client.get('/api/auth/me')).json().organization.name).toBe('Renamed Org');
  });

  test('routes that need a session answer 401 without one', async () => {
    const res = await apiClient(t.app).get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('login rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(import.meta.filename, {
      env: { LOGIN_MAX_ATTEMPTS_PER_EMAIL: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '8' },
    });
  });
  afterAll(() => t.close());

  test('after too many failures for one email, even the right password gets 429 with Retry-After', async () => {
    const org = await createOrganization(t.app);
    const client = apiClient(t.app, { ip: '10.0.0.1' });
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await client.post('/api/auth/login', {
            email: org.admin.email,
            password: 'wrong password!',
          })
        ).statusCode,
      ).toBe(401);
    }
    const limited = await client.post('/api/auth/login', {
      email: org.admin.email,
      password: DEFAULT_PASSWORD,
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from another address is not affected.
    const other = await createUser(t.app, org.organizationId);
    expect(
      (
        await apiClient(t.app, { ip: '10.0.0.2' }).post('/api/auth/login', {
          email: other.email,
          password: DEFAULT_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });

  test('one address trying many emails is limited too', async () => {
    const client = apiClient(t.app, { ip: '10.9.9.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      statuses.push(
        (
          await client.post('/api/auth/login', {
            email: `probe${i}@example.com`,
            password: 'wrong password!',
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
  });
});
