import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { freePort } from '@eligo/dev/processes';
import { launch, type Launched } from '../support/launcher.ts';

let running: Launched | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await running?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify(body),
  });
}

async function readyStatus(url: string): Promise<number> {
  return (await fetch(`${url}/api/ready`)).status;
}

/**
 * `pnpm start` prints what to open (README "Quick start"), and each of it answers: the emulator's
 * Candidates page with its login, the dev mailbox (asked for explicitly, the server being
 * local-only), and Lever's authorize endpoint accepts the API's callback at the chosen PORT.
 */
async function expectTheDemoPrintout(
  running: Launched,
  env: { PORT: string; LEVER_EMULATOR_PORT: string },
  cookies: string[],
) {
  const output = running.output();
  const lever = `http://127.0.0.1:${env.LEVER_EMULATOR_PORT}`;
  expect(output).toContain(`${lever}/candidates`);
  expect(output).toContain('log in as sam.super@acme.example / lever');
  expect(output).toContain('the launcher started the API with DEV_MAILBOX=true');
  expect(output).toContain(`${running.url}/dev/mailbox`);
  expect((await fetch(`${running.url}/api/dev/mailbox`)).status).toBe(200);
  const candidates = await fetch(`${lever}/candidates`, { redirect: 'manual' });
  expect(candidates.headers.get('location')).toBe('/login?next=%2Fcandidates');

  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const connect = await fetch(`${running.url}/api/integrations/lever/connect`, {
    headers: { cookie },
    redirect: 'manual',
  });
  expect(connect.status).toBe(302);
  const authorize = new URL(connect.headers.get('location')!);
  expect(authorize.searchParams.get('redirect_uri')).toBe(
    `http://localhost:${env.PORT}/api/integrations/lever/callback`,
  );
  // The emulator knows that callback: it asks the Lever user to log in instead of refusing it.
  const atLever = await fetch(authorize, { redirect: 'manual' });
  expect(atLever.status).toBe(302);
  expect(atLever.headers.get('location')).toMatch(/^\/login\?next=/);
}

describe('pnpm start without MONGODB_URI (embedded database)', () => {
  test('data written before a restart is still there after it', { timeout: 480_000 }, async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-start-'));
    // Like a checkout in a home folder: the postgres user (FerretDB 2's cluster, as root) can pass.
    await chmod(dataDir, 0o711);
    const env = {
      ELIGO_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      LEVER_EMULATOR_PORT: String(await freePort()),
    };
    const marker = `restart-check-${Date.now()}`;
    const account = {
      organizationName: 'Restart Co',
      name: 'Rita Restart',
      email: 'rita@restart.test',
      password: 'survives a restart',
    };

    running = await launch(env);
    // Where this run's tests got FerretDB 2, the launcher builds and uses it too (docs/database.md);
    // elsewhere it runs MongoDB through mongodb-memory-server.
    expect(running.output()).toMatch(
      inject('databaseEngine') === 'ferretdb2'
        ? /Database: FerretDB v2\.7\.0 on PostgreSQL 15\.\d+ with DocumentDB [\d.-]+ at mongodb:\/\//
        : /Database: (FerretDB v2\.7\.0 on PostgreSQL|MongoDB \(mongodb-memory-server\)) .*at mongodb:\/\//,
    );
    expect(await readyStatus(running.url)).toBe(200);
    const signup = await post(running.url, '/api/auth/signup', account);
    expect(signup.status).toBe(201);
    await expectTheDemoPrintout(running, env, signup.headers.getSetCookie());
    const first = await mongoose.createConnection(running.mongoUri).asPromise();
    await first.collection('restart_checks').insertOne({ marker });
    await first.close();
    await running.stop();
    running = undefined;

    running = await launch(env);
    expect(await readyStatus(running.url)).toBe(200);
    expect(running.output()).toContain('Using local secrets');
    // The account made before the restart still signs in; sign-up stays closed (the organization exists).
    const login = await post(running.url, '/api/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { organization: { name: string } }).organization.name).toBe(
      'Restart Co',
    );
    expect(
      (await post(running.url, '/api/auth/signup', { ...account, email: 'second@restart.test' }))
        .status,
    ).toBe(403);
    const second = await mongoose.createConnection(running.mongoUri).asPromise();
    const found = await second.collection('restart_checks').findOne({ marker });
    await second.close();
    expect(found?.marker).toBe(marker);
  });
});
