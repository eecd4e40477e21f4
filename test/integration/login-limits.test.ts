import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { attemptLimiter } from '@eligo/server/lib/limits/attempt-limiter';
import { apiClient } from '../support/http.ts';
import { ttlSecondsOf } from '../support/ttl.ts';
import {
  createOrganization,
  createUser,
  DEFAULT_PASSWORD,
  signedIn,
} from '../support/factories.ts';

const PARALLEL = 50;
const LIMIT = 10;

function count(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

describe('login limits under concurrency', () => {
  let t: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = {
      LOGIN_MAX_ATTEMPTS_PER_EMAIL: String(LIMIT),
      LOGIN_MAX_ATTEMPTS_PER_IP: String(LIMIT),
    };
    t = await createTestApp(import.meta.filename, { env });
    // A second API instance on the same database, as production runs them.
    second = await createTestApp(import.meta.filename, { env, databaseOf: t });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  test(`${PARALLEL} parallel guesses for one email, across two instances and many addresses: at most ${LIMIT} are checked`, async () => {
    const org = await createOrganization(t.app);
    const statuses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        apiClient(i % 2 ? t.app : second.app, { ip: `10.1.${i}.1` })
          .post('/api/auth/login', { email: org.admin.email, password: `wrong guess ${i}` })
          .then((r) => r.statusCode),
      ),
    );
    const counts = count(statuses);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(LIMIT);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
  });

  test(`${PARALLEL} parallel sign-ins from one address for different emails: at most ${LIMIT} are checked`, async () => {
    const statuses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        apiClient(i % 2 ? t.app : second.app, { ip: '10.2.0.1' })
          .post('/api/auth/login', { email: `probe${i}@example.com`, password: 'wrong guess' })
          .then((r) => r.statusCode),
      ),
    );
    const counts = count(statuses);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(LIMIT);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
  });

  test(`${PARALLEL} parallel guesses of the current password from a stolen session: at most ${LIMIT} are checked`, async () => {
    const org = await createOrganization(t.app);
    const user = await createUser(t.app, org.organizationId);
    const stolen = await signedIn(t.app, user, '10.3.0.1');
    const statuses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        stolen
          .post('/api/account/password', {
            currentPassword: `guess number ${i}`,
            newPassword: 'attacker passphrase',
          })
          .then((r) => r.statusCode),
      ),
    );
    const counts = count(statuses);
    expect(counts[400] ?? 0).toBeLessThanOrEqual(LIMIT);
    expect((counts[400] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
    // The account still has its own password.
    expect(
      (
        await apiClient(t.app, { ip: '10.3.0.2' }).post('/api/auth/login', {
          email: user.email,
          password: user.password,
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('the slots of an ended window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(`${import.meta.filename}-windows`);
  });
  afterAll(() => t?.close());

  test('no longer count, whether or not the TTL index has deleted them yet', async () => {
    expect(await ttlSecondsOf(t.db, 'attempt_slots', 'expiresAt')).toBe(0);
    // The start of a window an hour ahead: its slots cannot expire while the test runs.
    let clock = (Math.floor(Date.now() / 60_000) + 60) * 60_000;
    const attempts = attemptLimiter(t.app.mongo, () => clock);
    const limit = { max: 2, windowMs: 60_000 };
    expect((await attempts.reserve('someone@example.com', limit)).ok).toBe(true);
    expect((await attempts.reserve('someone@example.com', limit)).ok).toBe(true);
    expect(await attempts.reserve('someone@example.com', limit)).toEqual({
      ok: false,
      retryAfterSeconds: 60,
    });
    clock += 60_000; // the window has ended; its slots are still stored
    expect(await t.db.collection('attempt_slots').countDocuments()).toBe(2);
    expect((await attempts.reserve('someone@example.com', limit)).ok).toBe(true);
  });
});

describe('lockout: the protection costs the attacker, not the user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(import.meta.filename, {
      env: { LOGIN_MAX_ATTEMPTS_PER_EMAIL: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '100' },
    });
  });
  afterAll(() => t.close());

  async function lockOut(email: string): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await apiClient(t.app, { ip: `10.66.0.${i}` }).post('/api/auth/login', {
        email,
        password: 'attacker guess!',
      });
    }
    const blocked = await apiClient(t.app, { ip: '10.66.1.1' }).post('/api/auth/login', {
      email,
      password: DEFAULT_PASSWORD,
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  }

  test('a browser the user signed in from before still signs in while an attacker locks the account', async () => {
    const org = await createOrganization(t.app);
    const user = await createUser(t.app, org.organizationId);
    const usual = await signedIn(t.app, user, '192.0.2.10');
    await usual.post('/api/auth/logout');
    await lockOut(user.email);
    const again = await usual.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(again.statusCode).toBe(200);
  });

  test('an admin unlocks sign-in for a locked-out user', async () => {
    const org = await createOrganization(t.app);
    const admin = await signedIn(t.app, org.admin, '192.0.2.20');
    const user = await createUser(t.app, org.organizationId);
    await lockOut(user.email);
    const unlocked = await admin.post(`/api/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(204);
    const res = await apiClient(t.app, { ip: '10.66.1.1' }).post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(res.statusCode).toBe(200);
  });

  test('members cannot unlock, and admins only in their own organization', async () => {
    const org = await createOrganization(t.app);
    const other = await createOrganization(t.app);
    const member = await signedIn(
      t.app,
      await createUser(t.app, org.organizationId, { role: 'member' }),
    );
    expect((await member.post(`/api/users/${org.admin.id}/unlock`)).statusCode).toBe(403);
    const otherAdmin = await signedIn(t.app, other.admin);
    expect((await otherAdmin.post(`/api/users/${org.admin.id}/unlock`)).statusCode).toBe(404);
  });
});
