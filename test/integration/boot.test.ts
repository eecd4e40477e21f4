import { spawn } from 'node:child_process';
import path from 'node:path';
import mongoose from 'mongoose';
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { repoRoot } from '@eligo/dev/paths';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';

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
