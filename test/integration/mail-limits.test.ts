import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { organizationModel } from '@eligo/server/modules/organizations/index';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  registerTestApplicant,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Limits on mail that admins (and open sign-up) make Eligo send (issue 26 item 1), on two API
 * instances sharing one database, as production runs: every count is shared, and a refusal is a
 * 429 with Retry-After and a sentence saying when to try again.
 */
let smtp: TestSmtpServer;
let one: TestApp;
let two: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const env = {
    SMTP_URL: smtp.url,
    ALLOW_SIGNUP: 'true',
    SURVEY_RESENDS_PER_APPLICANT_PER_DAY: '3',
    INVITATIONS_PER_ADDRESS_PER_DAY: '3',
    ADMIN_MAILS_PER_ORGANIZATION_PER_HOUR: '6',
    NEW_ORGANIZATION_INVITATIONS_PER_DAY: '4',
    NEW_ORGANIZATION_DAYS: '7',
    SIGNUPS_PER_IP_PER_DAY: '4',
    SIGNUPS_PER_EMAIL_PER_DAY: '2',
  };
  one = await createTestApp(import.meta.filename, { env });
  two = await createTestApp(import.meta.filename, { env, databaseOf: one });
});
afterAll(async () => {
  await two?.close();
  await one?.close();
  await smtp?.close();
});

/** An admin signed in on both instances (one session, shared through the database). */
async function adminOnBoth(org: TestOrganization): Promise<[ApiClient, ApiClient]> {
  const a = await signedIn(one.app, org.admin);
  const b = apiClient(two.app);
  for (const [name, value] of a.cookies) b.cookies.set(name, value);
  return [a, b];
}

/**
 * An organization created `daysAgo` days ago (its id carries the time), with an admin. The id's
 * other bytes stay random: `ObjectId.createFromTime` zeroes them, so two organizations made within
 * one second would share an id (a duplicate key).
 */
async function organizationFrom(daysAgo: number): Promise<TestOrganization> {
  const seconds = Math.floor((Date.now() - daysAgo * 86_400_000) / 1000);
  const organization = await organizationModel(one.app.mongo).create({
    _id: new Types.ObjectId(
      seconds.toString(16).padStart(8, '0') + new Types.ObjectId().toHexString().slice(8),
    ),
    name: `Old ${randomUUID().slice(0, 6)}`,
  });
  const id = organization._id.toHexString();
  const admin = await createUser(one.app, id, { role: 'admin' });
  return { organizationId: id, name: organization.name, admin };
}

const mailsTo = (address: string) =>
  smtp.received.filter((mail) => mail.to.includes(address.toLowerCase())).length;

/**
 * A 429 with its sentence and Retry-After; `about` is the part of the request the limit is about
 * when it is one value (the UI then disables the button for that value only), else none.
 */
function expectRefusal(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  sentence: RegExp,
  about?: string,
) {
  expect(res.statusCode).toBe(429);
  const body = res.json() as { code: string; message: string; details?: { path: string }[] };
  expect(body.code).toBe('RATE_LIMITED');
  expect(body.message).toMatch(sentence);
  expect(body.details?.map((detail) => detail.path)).toEqual(about ? [about] : undefined);
  expect(body.message).toMatch(/ in (about (an|\d+) hours?|\d+ minutes|a minute)\.$/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  return Number(res.headers['retry-after']);
}

const SEND_EVENTS = /invitation_sent|survey_resent/;

/**
 * Waits for what the admin sees before clicking Resend again: the survey "Sent" (the mail server
 * accepted it) and `sends` sends in the timeline. A resend meanwhile is refused as a double click.
 */
async function sentTimes(client: ApiClient, url: string, sends: number): Promise<void> {
  await waitFor(`send ${sends} accepted by the mail server`, async () => {
    const page = (await client.get(url)).json() as {
      surveyStatus: string;
      timeline: Array<{ type: string }>;
    };
    const done = page.timeline.filter((event) => SEND_EVENTS.test(event.type)).length;
    return page.surveyStatus === 'sent' && done === sends;
  });
}

describe('survey emails to one applicant', () => {
  test('three a day, "set email and send" included, counted across instances', async () => {
    const org = await createOrganization(one.app);
    const [a, b] = await adminOnBoth(org);
    const { applicant } = await registerTestApplicant(one.app, org.organizationId, {
      email: null,
    });
    const email = `limited-${randomUUID().slice(0, 8)}@example.com`;
    const url = `/api/applicants/${applicant._id}`;
    expect((await a.post(`${url}/email`, { email })).statusCode).toBe(200);
    await sentTimes(a, url, 1);
    expect((await b.post(`${url}/survey/resend`)).statusCode).toBe(200);
    await sentTimes(b, url, 2);
    expect((await a.post(`${url}/survey/resend`)).statusCode).toBe(200);
    await sentTimes(a, url, 3);
    const refused = await b.post(`${url}/survey/resend`);
    const retryAfter = expectRefusal(
      refused,
      /^This applicant was already emailed the survey 3 times in the last 24 hours\. You can send it again in about 24 hours\.$/,
    );
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    await expect.poll(() => mailsTo(email)).toBe(3);
    // The refused resend changed nothing: the timeline has no fourth send.
    const page = (await a.get(url)).json() as { timeline: Array<{ type: string }> };
    expect(page.timeline.filter((e) => SEND_EVENTS.test(e.type))).toHaveLength(3);
  });

  test('a refused action (already answered) does not count', async () => {
    const org = await createOrganization(one.app);
    const [a] = await adminOnBoth(org);
    const { applicant } = await registerTestApplicant(one.app, org.organizationId, {
      email: null,
    });
    // No email yet: "resend" is refused four times, and then three sends still go out.
    for (let i = 0; i < 4; i++) {
      expect((await a.post(`/api/applicants/${applicant._id}/survey/resend`)).statusCode).toBe(409);
    }
    const email = `counted-${randomUUID().slice(0, 8)}@example.com`;
    expect((await a.post(`/api/applicants/${applicant._id}/email`, { email })).statusCode).toBe(
      200,
    );
    await sentTimes(a, `/api/applicants/${applicant._id}`, 1);
    for (let i = 2; i <= 3; i++) {
      expect((await a.post(`/api/applicants/${applicant._id}/survey/resend`)).statusCode).toBe(200);
      await sentTimes(a, `/api/applicants/${applicant._id}`, i);
    }
  });
});

describe('invitations', () => {
  test('one address: three a day, re-invitations included, across instances', async () => {
    const org = await organizationFrom(30);
    const [a, b] = await adminOnBoth(org);
    const email = `invitee-${randomUUID().slice(0, 8)}@example.com`;
    const invited = await a.post('/api/users', { email, name: 'Invitee', role: 'member' });
    expect(invited.statusCode).toBe(201);
    // Each delivered before the next: a newer link drops an older one still in the outbox.
    await expect.poll(() => mailsTo(email)).toBe(1);
    const resend = `/api/users/${invited.json().id}/invitation`;
    expect((await b.post(resend)).statusCode).toBe(200);
    await expect.poll(() => mailsTo(email)).toBe(2);
    expect((await a.post(resend)).statusCode).toBe(200);
    await expect.poll(() => mailsTo(email)).toBe(3);
    expectRefusal(
      await b.post(resend),
      /^3 invitations were already sent to this address in the last 24 hours\. You can send another in about 24 hours\.$/,
      '/params/id',
    );
    await expect.poll(() => mailsTo(email)).toBe(3);
  });

  test('a new organization: four invitations a day at first, exactly, even all at once', async () => {
    const org = await createOrganization(one.app);
    const admins = await adminOnBoth(org);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admins[i % 2]!.post('/api/users', {
          email: `early-${i}-${randomUUID().slice(0, 6)}@example.com`,
          name: `Early ${i}`,
          role: 'member',
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(4);
    for (const refused of results.filter((r) => r.statusCode !== 201)) {
      expectRefusal(
        refused,
        /^During its first 7 days an organization can send 4 invitations a day\./,
      );
    }
    // Refused invitations left nobody behind.
    expect(
      await one.db
        .collection('users')
        .countDocuments({ organizationId: new Types.ObjectId(org.organizationId) }),
    ).toBe(1 + 4);
  });

  test('an older organization is not held to it', async () => {
    const [a] = await adminOnBoth(await organizationFrom(8));
    for (let i = 0; i < 5; i++) {
      const res = await a.post('/api/users', {
        email: `later-${i}-${randomUUID().slice(0, 6)}@example.com`,
        name: 'Later',
        role: 'member',
      });
      expect(res.statusCode).toBe(201);
    }
  });
});

describe('all the mail of one organization', () => {
  test('six an hour, invitations and surveys together, across instances', async () => {
    const org = await organizationFrom(30);
    const [a, b] = await adminOnBoth(org);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { applicant } = await registerTestApplicant(one.app, org.organizationId);
      statuses.push(
        (await [a, b][i % 2]!.post(`/api/applicants/${applicant._id}/survey/resend`)).statusCode,
      );
    }
    for (let i = 0; i < 2; i++) {
      const res = await [b, a][i % 2]!.post('/api/users', {
        email: `hourly-${i}-${randomUUID().slice(0, 6)}@example.com`,
        name: 'Hourly',
        role: 'member',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 201, 201]);
    const { applicant } = await registerTestApplicant(one.app, org.organizationId);
    const retryAfter = expectRefusal(
      await b.post(`/api/applicants/${applicant._id}/survey/resend`),
      /^Your organization has sent 6 emails in the last hour, the most allowed\. You can send more in (about an hour|\d+ minutes)\.$/,
    );
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another organization is not affected.
    const [other] = await adminOnBoth(await organizationFrom(30));
    const { applicant: theirs } = await registerTestApplicant(
      one.app,
      (await other.get('/api/auth/me')).json().organization.id,
    );
    expect((await other.post(`/api/applicants/${theirs._id}/survey/resend`)).statusCode).toBe(200);
  });
});

describe('open sign-up', () => {
  const body = (email: string) => ({
    organizationName: 'Signup Org',
    name: 'Signer',
    email,
    password: 'a long enough passphrase',
  });

  test('per email address: two a day, whether or not it has an account', async () => {
    const owner = await createOrganization(one.app);
    for (const email of [owner.admin.email, `nobody-${randomUUID().slice(0, 6)}@example.com`]) {
      let n = 0;
      const client = () => apiClient([one, two][++n % 2]!.app, { ip: `10.40.0.${n}` });
      expect((await client().post('/api/auth/signup', body(email))).statusCode).toBe(201);
      expect((await client().post('/api/auth/signup', body(email))).statusCode).toBe(201);
      expectRefusal(
        await client().post('/api/auth/signup', body(email)),
        /^Too many sign-ups with this email address in the last 24 hours\./,
        '/body/email',
      );
      await expect.poll(() => mailsTo(email)).toBe(2);
    }
  });

  test('per client address: four a day', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const client = apiClient([one, two][i % 2]!.app, { ip: '10.41.0.1' });
      statuses.push(
        (
          await client.post(
            '/api/auth/signup',
            body(`many-${i}-${randomUUID().slice(0, 6)}@example.com`),
          )
        ).statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });
});
