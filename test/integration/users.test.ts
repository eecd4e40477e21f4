import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  DEFAULT_PASSWORD,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';

let t: OrgTestApp;
let smtp: TestSmtpServer;
let org: TestOrganization;
let admin: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { PUBLIC_URL: 'http://eligo.test' },
    organization: { name: 'Invitech' },
  });
  ({ smtp, org, admin } = t);
});
afterAll(() => t?.close());

/** The token of the `nth` invitation link mailed to `email` (it travels in the URL fragment). */
async function invitationToken(email: string, nth = 1): Promise<string> {
  const mail = (await smtp.waitForMails(email, nth))[nth - 1]!;
  return new URL(linkFrom(mail, 'http://eligo.test/set-password#token=')).hash.replace(
    '#token=',
    '',
  );
}

/** Invites a user with a fresh address; resolves with the address. */
async function invite(name: string, role: 'admin' | 'member' = 'member'): Promise<string> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const res = await admin.post('/api/users', { email, name, role });
  expect(res.statusCode).toBe(201);
  return email;
}

describe('inviting users', () => {
  test('an admin invites a user: the user is listed as invited and a real email with a set-password link arrives', async () => {
    const res = await admin.post('/api/users', {
      email: 'Maya.Member@example.com',
      name: 'Maya Member',
      role: 'member',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'Maya.Member@example.com',
      role: 'member',
      status: 'invited',
    });
    expect(Date.parse(res.json().inviteExpiresAt)).toBeGreaterThan(Date.now() + 71 * 3_600_000);

    const mail = await smtp.waitForMail('maya.member@example.com');
    expect(mail.subject).toBe("You're invited to Invitech on Eligo");
    expect(mail.text).toContain('Hello Maya Member');
    expect(mail.html).toContain('<a href="http://eligo.test/set-password#token=');

    const list = (await admin.get('/api/users')).json().items;
    expect(list.map((u: { email: string; status: string }) => [u.email, u.status])).toContainEqual([
      'Maya.Member@example.com',
      'invited',
    ]);
  });

  test('the link shows who it is for, works once, and signs the new member in', async () => {
    const email = await invite('Maya');
    const token = await invitationToken(email);
    const visitor = apiClient(t.app);
    const inspected = await visitor.post('/api/auth/invitation', { token });
    expect(inspected.json()).toEqual({ email, name: 'Maya', organizationName: 'Invitech' });

    const accepted = await visitor.post('/api/auth/set-password', {
      token,
      password: 'my own passphrase',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, role: 'member' });
    expect((await visitor.get('/api/auth/me')).statusCode).toBe(200);

    const again = await apiClient(t.app).post('/api/auth/set-password', {
      token,
      password: 'an attacker password',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('INVITATION_INVALID');
    expect((await apiClient(t.app).post('/api/auth/invitation', { token })).statusCode).toBe(400);
    // The password from the first use is the one that works.
    expect(
      (await apiClient(t.app).post('/api/auth/login', { email, password: 'my own passphrase' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await apiClient(t.app).post('/api/auth/login', {
          email,
          password: 'an attacker password',
        })
      ).statusCode,
    ).toBe(401);
  });

  test('two people racing with the same link: only one sets the password', async () => {
    const token = await invitationToken(await invite('Race'));
    const results = await Promise.all(
      ['first passphrase!', 'second passphrase', 'third passphrase!'].map((password) =>
        apiClient(t.app).post('/api/auth/set-password', { token, password }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
  });

  test('an expired link is refused', async () => {
    const email = await invite('Late');
    const token = await invitationToken(email);
    await t.db
      .collection('users')
      .updateOne(
        { emailNormalized: email },
        { $set: { inviteExpiresAt: new Date(Date.now() - 1000) } },
      );
    const res = await apiClient(t.app).post('/api/auth/set-password', {
      token,
      password: 'too late passphrase',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVITATION_INVALID');
  });

  test('resending an invitation sends a new link and the old one stops working', async () => {
    const email = await invite('Resend');
    const invited = await t.db.collection('users').findOne({ emailNormalized: email });
    const oldToken = await invitationToken(email);
    expect(
      (await admin.post(`/api/users/${invited!._id.toHexString()}/invitation`)).statusCode,
    ).toBe(200);
    const newToken = await invitationToken(email, 2);
    expect(newToken).not.toBe(oldToken);
    expect(
      (
        await apiClient(t.app).post('/api/auth/set-password', {
          token: oldToken,
          password: 'old link passphrase',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await apiClient(t.app).post('/api/auth/set-password', {
          token: newToken,
          password: 'new link passphrase',
        })
      ).statusCode,
    ).toBe(200);
  });

  test('an invitation resent while the first still waits for the mail server: only the new link is delivered', async () => {
    await smtp.stop();
    let email: string;
    try {
      email = await invite('Waiting');
      const invited = await t.db.collection('users').findOne({ emailNormalized: email });
      expect(
        (await admin.post(`/api/users/${invited!._id.toHexString()}/invitation`)).statusCode,
      ).toBe(200);
    } finally {
      await smtp.start();
    }
    const token = await invitationToken(email, 1);
    // Both invitations leave the outbox: the first dropped unsent (its link is dead), the second sent.
    await expect
      .poll(
        async () =>
          (await t.db.collection('jobs').find({ type: 'mail.send' }).toArray()).filter(
            (j) => j.state !== 'succeeded',
          ).length,
        { timeout: 20_000 },
      )
      .toBe(0);
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(
      (
        await apiClient(t.app).post('/api/auth/set-password', {
          token,
          password: 'the only link passphrase',
        })
      ).statusCode,
    ).toBe(200);
  });

  test('invitation tokens are stored only as hashes', async () => {
    const token = await invitationToken(await invite('Hash'));
    expect(JSON.stringify(await t.db.collection('users').find().toArray())).not.toContain(token);
  });

  test.each([
    [{ email: 'x@example.com', name: 'X', role: 'owner' }, '/body/role'],
    [{ email: 'nope', name: 'X', role: 'member' }, '/body/email'],
    [{ email: 'x@example.com', role: 'member' }, '/body/name'],
  ])('a bad invitation is refused with its field path (%#)', async (body, path) => {
    const res = await admin.post('/api/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('inviting an email that already has an account is a conflict', async () => {
    const res = await admin.post('/api/users', {
      email: org.admin.email.toUpperCase(),
      name: 'Dup',
      role: 'member',
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('roles and deactivation', () => {
  test('an admin changes a role; the change takes effect on the next request', async () => {
    const user = await createUser(t.app, org.organizationId, { role: 'member' });
    const client = await signedIn(t.app, user);
    expect((await client.get('/api/users')).statusCode).toBe(403);
    const res = await admin.patch(`/api/users/${user.id}`, { role: 'admin' });
    expect(res.json().role).toBe('admin');
    expect((await client.get('/api/users')).statusCode).toBe(200);
  });

  test('deactivating a user ends their sessions and stops them signing in; reactivating lets them back', async () => {
    const user = await createUser(t.app, org.organizationId);
    const client = await signedIn(t.app, user);
    expect(
      (await admin.patch(`/api/users/${user.id}`, { status: 'deactivated' })).json().status,
    ).toBe('deactivated');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      await t.db
        .collection('sessions')
        .countDocuments({ userId: new (await import('mongoose')).Types.ObjectId(user.id) }),
    ).toBe(0);
    expect(
      (
        await apiClient(t.app).post('/api/auth/login', {
          email: user.email,
          password: DEFAULT_PASSWORD,
        })
      ).statusCode,
    ).toBe(401);

    expect((await admin.patch(`/api/users/${user.id}`, { status: 'active' })).json().status).toBe(
      'active',
    );
    expect(
      (
        await apiClient(t.app).post('/api/auth/login', {
          email: user.email,
          password: DEFAULT_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });

  test('an admin cannot demote or deactivate themselves (someone must stay admin)', async () => {
    const res = await admin.patch(`/api/users/${org.admin.id}`, { role: 'member' });
    expect(res.statusCode).toBe(400);
    expect(
      (await admin.patch(`/api/users/${org.admin.id}`, { status: 'deactivated' })).statusCode,
    ).toBe(400);
    expect((await admin.get('/api/auth/me')).json().user.role).toBe('admin');
  });

  test('unknown and malformed user ids', async () => {
    expect(
      (await admin.patch('/api/users/0123456789abcdef01234567', { role: 'member' })).statusCode,
    ).toBe(404);
    expect((await admin.patch('/api/users/not-an-id', { role: 'member' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/users/${org.admin.id}`, {})).statusCode).toBe(400);
  });

  test('members cannot see or call any user management', async () => {
    const member = await signedIn(
      t.app,
      await createUser(t.app, org.organizationId, { role: 'member' }),
    );
    const calls = [
      member.get('/api/users'),
      member.post('/api/users', { email: 'sneaky@example.com', name: 'Sneaky', role: 'admin' }),
      member.patch(`/api/users/${org.admin.id}`, { role: 'member' }),
      member.post(`/api/users/${org.admin.id}/invitation`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(
      await t.db.collection('users').countDocuments({ emailNormalized: 'sneaky@example.com' }),
    ).toBe(0);
  });
});

describe('without SMTP', () => {
  test('mail is kept in the outbox and shown in the dev mailbox', async () => {
    const local = await createTestApp(import.meta.filename, { env: { DEV_MAILBOX: 'true' } });
    try {
      const o = await createOrganization(local.app);
      const a = await signedIn(local.app, o.admin);
      await a.post('/api/users', { email: 'outbox@example.com', name: 'Outbox', role: 'member' });
      // The outbox's job delivers it into the dev mailbox a moment after the answer.
      const mailbox = async () =>
        (await apiClient(local.app).get('/api/dev/mailbox?to=Outbox@example.com')).json();
      await expect.poll(async () => (await mailbox()).items.length).toBe(1);
      expect((await mailbox()).items[0].text).toMatch(/set-password#token=[A-Za-z0-9_-]{43}/);
    } finally {
      await local.close();
    }
  });

  test('admins learn where mail goes (SMTP, or the outbox and whether the mailbox shows it)', async () => {
    expect((await admin.get('/api/mail/delivery')).json()).toEqual({
      transport: 'smtp',
      devMailbox: false,
    });
    const local = await createTestApp(import.meta.filename, { env: { DEV_MAILBOX: 'true' } });
    try {
      const localAdmin = await signedIn(local.app, (await createOrganization(local.app)).admin);
      expect((await localAdmin.get('/api/mail/delivery')).json()).toEqual({
        transport: 'outbox',
        devMailbox: true,
      });
      const member = await signedIn(
        local.app,
        await createUser(local.app, (await createOrganization(local.app)).organizationId),
      );
      expect((await member.get('/api/mail/delivery')).statusCode).toBe(403);
    } finally {
      await local.close();
    }
  });

  test('with SMTP configured there is no mailbox, nor without DEV_MAILBOX', async () => {
    expect((await apiClient(t.app).get('/api/dev/mailbox')).statusCode).toBe(404);
    const plain = await createTestApp(import.meta.filename);
    try {
      expect((await apiClient(plain.app).get('/api/dev/mailbox')).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
