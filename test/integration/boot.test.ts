import { spawn } from 'node:child_process';
import path from 'node:path';
import mongoose from 'mongoose';
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { repoRoot } from '@eligo/dev/paths';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { ttlSecondsOf } from '../support/ttl.ts';

function runBuiltServer(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'server.mjs')], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the server refuses to start when it cannot run safely', () => {
  test.each(['ENCRYPTION_KEY', 'MONGODB_URI'])(
    'without %s it exits, naming the variable',
    async (missing) => {
      const env: Record<string, string> = {
        MONGODB_URI: withDatabase(inject('mongoUri'), uniqueDatabaseName('boot')),
        ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      };
      delete env[missing];
      const { code, output } = await runBuiltServer(env);
      expect(code).toBe(78);
      expect(output).toContain(`${missing} is required but not set`);
    },
  );

  test('an older database converges at boot: a plain index becomes the TTL index, a retired one is dropped, data stays', async () => {
    const database = uniqueDatabaseName('boot-ttl');
    const uri = withDatabase(inject('mongoUri'), database);
    // As the periodic cleanups' versions left them.
    const raw = await mongoose.createConnection(uri).asPromise();
    const slot = { _id: 'slot', expiresAt: new Date(Date.now() + 3_600_000) };
    await raw.collection('attempt_slots').insertOne(slot as never);
    await raw.collection('attempt_slots').createIndex({ expiresAt: 1 }, { name: 'expiresAt_1' });
    await raw.collection('sessions').createIndex({ expiresAt: 1 }, { name: 'expiresAt_1' });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MONGODB_URI: uri,
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    try {
      // Twice: the second boot finds everything in place.
      for (let boot = 0; boot < 2; boot++) await (await createApp(config)).close();
      expect(await ttlSecondsOf(raw, 'attempt_slots', 'expiresAt')).toBe(0);
      expect(await ttlSecondsOf(raw, 'sessions', 'idleExpiresAt')).toBe(0);
      const sessionKeys = (await raw.collection('sessions').listIndexes().toArray()).map(
        (i) => i.key,
      );
      expect(sessionKeys).not.toContainEqual({ expiresAt: 1 });
      expect(await raw.collection('attempt_slots').find().toArray()).toEqual([slot]);
    } finally {
      await raw.dropDatabase();
      await raw.close();
    }
  });

  test('an index that cannot be built stops the boot instead of running without it', async () => {
    const database = uniqueDatabaseName('boot-index');
    const uri = withDatabase(inject('mongoUri'), database);
    // Someone created users.emailNormalized_1 without `unique`: Eligo must not start on it.
    const raw = await mongoose.createConnection(uri).asPromise();
    await raw
      .collection('users')
      .createIndex({ emailNormalized: 1 }, { name: 'emailNormalized_1' });
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        MONGODB_URI: uri,
        ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      });
      await expect(createApp(config)).rejects.toThrow(/index|Index/);
    } finally {
      await raw.dropDatabase();
      await raw.close();
    }
  });
});
