import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { freePort } from '@eligo/server/dev/processes';
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
    // Where this run's tests got FerretDB 2, the launcher builds and uses it too (docs/database.md).
    expect(running.output()).toMatch(
      inject('databaseEngine') === 'ferretdb2'
        ? /Database: FerretDB v2\.7\.0 on PostgreSQL 15\.\d+ with DocumentDB [\d.-]+ at mongodb:\/\//
        : /Database: (FerretDB v2\.7\.0|FerretDB v1\.24\.2|MongoDB \(mongodb-memory-server\))/,
    );
    expect(await readyStatus(running.url)).toBe(200);
    expect((await post(running.url, '/api/auth/signup', account)).status).toBe(201);
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
