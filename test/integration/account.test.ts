import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  DEFAULT_PASSWORD,
  signedIn,
} from '../support/factories.ts';

let t: TestApp;
let organizationId: string;
beforeAll(async () => {
  t = await createTestApp(import.meta.filename);
  organizationId = (await createOrganization(t.app)).organizationId;
});
afterAll(() => t.close());

describe('My Account > Profile', () => {
  test('a user changes their name', async () => {
    const client = await signedIn(t.app, await createUser(t.app, organizationId));
    const res = await client.patch('/api/account/profile', { name: '  Renamed Person ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe('Renamed Person');
    expect((await client.get('/api/auth/me')).json().user.name).toBe('Renamed Person');
    expect((await client.patch('/api/account/profile', { name: '' })).statusCode).toBe(400);
  });

  test('changing the password needs the current one and signs out other sessions', async () => {
    const user = await createUser(t.app, organizationId);
    const here = await signedIn(t.app, user);
    const elsewhere = await signedIn(t.app, user);

    const wrong = await here.post('/api/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'a new passphrase',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details).toEqual([
      {
        path: '/body/currentPassword',
        message: 'This is not your current password.',
        rule: 'invalid',
      },
    ]);

    const tooShort = await here.post('/api/account/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'short',
    });
    expect(tooShort.json().details.map((d: { path: string }) => d.path)).toContain(
      '/body/newPassword',
    );

    expect(
      (
        await here.post('/api/account/password', {
          currentPassword: DEFAULT_PASSWORD,
          newPassword: 'a new passphrase',
        })
      ).statusCode,
    ).toBe(204);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await apiClient(t.app).post('/api/auth/login', {
          email: user.email,
          password: DEFAULT_PASSWORD,
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await apiClient(t.app).post('/api/auth/login', {
          email: user.email,
          password: 'a new passphrase',
        })
      ).statusCode,
    ).toBe(200);
  });
});
