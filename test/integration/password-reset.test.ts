import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  DEFAULT_PASSWORD,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { linkFrom } from '../support/smtp.ts';
import { outboxSent, withinOneWindow } from '../support/wait.ts';

/**
 * "Forgot password?": a one-time, expiring link by email, the same answer for every address,
 * limits counted in the database, and every session of the account ended on reset.
 */
let t: OrgTestApp;
let org: TestOrganization;
const PUBLIC_URL = 'http://eligo.test';
const HOUR = 3_600_000;
let nextIp = 1;
/** A fresh client address per test, so the per-address limit of one does not touch another. */
const freshIp = () => {
  const n = nextIp++;
  return `10.9.${Math.floor(n / 250)}.${(n % 250) + 1}`;
};

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { env: { PUBLIC_URL } });
  org = t.org;
});
afterAll(() => t?.close());

const forgot = (email: string, ip = freshIp()) =>
  apiClient(t.app, { ip }).post('/api/auth/password/forgot', { email });
const reset = (token: string, password: string) =>
  apiClient(t.app).post('/api/auth/password/reset', { token, password });
const signIn = (email: string, password: string) =>
  apiClient(t.app, { ip: freshIp() }).post('/api/auth/login', { email, password });

/** The token of the `nth` reset link mailed to `email`. */
async function resetToken(email: string, nth = 1): Promise<string> {
  const mail = (await t.smtp.waitForMails(email, nth))[nth - 1]!;
  expect(mail.subject).toBe('Reset your Eligo password');
  return linkFrom(mail, `${PUBLIC_URL}/reset-password/`).split('/').pop()!;
}

/**
 * Runs requests on a second API instance of the same database, then closes it (closing waits for
 * the work it does in the background, which queues the mail) and waits until the outbox has sent
 * all of it: afterwards "no mail" is a fact, not a guess.
 */
async function onSecondInstance(run: (app: OrgTestApp['app']) => Promise<void>): Promise<void> {
  const second = await createTestApp(import.meta.filename, {
    databaseOf: t,
    env: { PUBLIC_URL, SMTP_URL: t.smtp.url },
  });
  try {
    await run(second.app);
  } finally {
    await second.close();
  }
  await outboxSent(t.db);
}

describe('asking for a link', () => {
  test('a known email gets a link to PUBLIC_URL/reset-password/<token>; only its hash is stored', async () => {
    const user = await createUser(t.app, org.organizationId, { name: 'Rita Reset' });
    const res = await forgot(user.email);
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe('');
    const token = await resetToken(user.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mail = (await t.smtp.waitForMail(user.email)).text;
    expect(mail).toContain('Hello Rita Reset');
    expect(mail).toMatch(/expires on .* UTC/);
    const stored = JSON.stringify(await t.db.collection('passwordresets').find({}).toArray());
    expect(stored).not.toContain(token);
  });

  test('unknown, deactivated and invited addresses get the same answer, and no reset mail', async () => {
    const gone = await createUser(t.app, org.organizationId, { status: 'deactivated' });
    const invited = 'invited-not-yet@example.com';
    expect(
      (await t.admin.post('/api/users', { email: invited, name: 'Ivy', role: 'member' }))
        .statusCode,
    ).toBe(201);
    const known = await createUser(t.app, org.organizationId);
    const answers: Array<{ status: number; body: string }> = [];
    await onSecondInstance(async (app) => {
      for (const email of ['nobody-here@example.com', gone.email, invited, known.email]) {
        const res = await apiClient(app, { ip: freshIp() }).post('/api/auth/password/forgot', {
          email,
        });
        answers.push({ status: res.statusCode, body: res.body });
      }
    });
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ status: 202, body: '' })]),
    );
    const resetMails = t.smtp.received.filter((m) => m.subject === 'Reset your Eligo password');
    expect(resetMails.filter((m) => m.to.includes(known.email))).toHaveLength(1);
    const others = ['nobody-here@example.com', gone.email, invited];
    expect(resetMails.filter((m) => others.some((o) => m.to.includes(o)))).toEqual([]);
  });

  test('a malformed email is refused in words, not schema text', async () => {
    const res = await forgot('not an email');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      {
        path: '/body/email',
        message: 'Enter an email address like name@example.com.',
        rule: 'email',
      },
    ]);
  });
});

describe('using the link', () => {
  test('sets the new password once, ends every session of the account and lifts its sign-in lock', async () => {
    const user = await createUser(t.app, org.organizationId);
    const laptop = await signedIn(t.app, user, freshIp());
    const phone = await signedIn(t.app, user, freshIp());
    // Someone guessing locks the account for browsers it does not know.
    for (let i = 0; i < t.config.loginLimits.perEmail; i++) {
      expect((await signIn(user.email, `guess ${i}`)).statusCode).toBe(401);
    }
    expect((await signIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(429);
    await forgot(user.email);
    const token = await resetToken(user.email);

    const done = await reset(token, 'a brand new passphrase');
    expect(done.statusCode).toBe(204);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(user.email, 'a brand new passphrase')).statusCode).toBe(200);

    const again = await reset(token, 'yet another passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      code: 'RESET_LINK_INVALID',
      message: 'This password reset link has expired or was already used. Ask for a new one.',
    });
    expect((await signIn(user.email, 'a brand new passphrase')).statusCode).toBe(200);
  });

  test('a wrong token and an expired link change nothing', async () => {
    const user = await createUser(t.app, org.organizationId);
    await forgot(user.email);
    const token = await resetToken(user.email);
    const wrong = await reset(
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      'x'.repeat(12),
    );
    expect(wrong.json().code).toBe('RESET_LINK_INVALID');

    await t.db
      .collection('passwordresets')
      .updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await reset(token, 'an expired passphrase');
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('RESET_LINK_INVALID');
    expect((await signIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  test('a too short password is refused in words and the link still works', async () => {
    const user = await createUser(t.app, org.organizationId);
    await forgot(user.email);
    const token = await resetToken(user.email);
    const short = await reset(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().details).toEqual([
      {
        path: '/body/password',
        message: 'Use at least 8 characters.',
        rule: 'min_length',
        limit: 8,
      },
    ]);
    expect((await reset(token, 'long enough now')).statusCode).toBe(204);
  });

  test('a newer link replaces the older one', async () => {
    const user = await createUser(t.app, org.organizationId);
    await forgot(user.email);
    const first = await resetToken(user.email, 1);
    await forgot(user.email);
    const second = await resetToken(user.email, 2);
    expect((await reset(first, 'from the first link')).json().code).toBe('RESET_LINK_INVALID');
    expect((await reset(second, 'from the second link')).statusCode).toBe(204);
  });

  test('five uses of one link at once: exactly one sets the password', async () => {
    const user = await createUser(t.app, org.organizationId);
    await forgot(user.email);
    const token = await resetToken(user.email);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => reset(token, `concurrent passphrase ${n}`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 400, 400, 400, 400]);
  });

  test('tenant-free: no session is needed, and a link of one organization touches only its user', async () => {
    const other: TestOrganization = await createOrganization(t.app, { name: 'Other Org' });
    const before = await t.db.collection('users').findOne({ email: org.admin.email });
    await forgot(other.admin.email);
    const token = await resetToken(other.admin.email);
    expect((await reset(token, 'other org passphrase')).statusCode).toBe(204);
    expect((await signIn(other.admin.email, 'other org passphrase')).statusCode).toBe(200);
    const after = await t.db.collection('users').findOne({ email: org.admin.email });
    expect(after?.passwordHash).toBe(before?.passwordHash);
  });
});

describe('limits, counted in the database', () => {
  // Both may first wait for the next hour (up to a minute: withinOneWindow), so the clock never
  // splits their requests over two windows; their timeout allows that wait.
  test(
    'three links per email an hour; a fourth request gets the same answer and no mail',
    { timeout: 120_000 },
    async () => {
      const user = await createUser(t.app, org.organizationId);
      await withinOneWindow(HOUR, 60_000);
      const statuses: number[] = [];
      await onSecondInstance(async (app) => {
        for (let i = 0; i < 4; i++) {
          const res = await apiClient(app, { ip: freshIp() }).post('/api/auth/password/forgot', {
            email: user.email.toUpperCase(),
          });
          statuses.push(res.statusCode);
        }
      });
      expect(statuses).toEqual([202, 202, 202, 202]);
      expect(t.smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(3);
    },
  );

  test(
    'ten requests per client address an hour, whatever the emails; then 429',
    { timeout: 120_000 },
    async () => {
      const ip = freshIp();
      await withinOneWindow(HOUR, 60_000);
      for (let i = 0; i < 10; i++) {
        expect((await forgot(`probe-${i}@example.com`, ip)).statusCode).toBe(202);
      }
      const limited = await forgot('probe-10@example.com', ip);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json().message).toBe(
        'Too many password reset requests from here. Please wait and try again.',
      );
      expect((await forgot('probe-10@example.com', freshIp())).statusCode).toBe(202);
    },
  );
});
