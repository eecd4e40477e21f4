import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '@eligo/server/dev/processes';
import { launch, type Launched } from '../support/launcher.ts';

let running: Launched | undefined;
afterAll(() => running?.stop());

async function readyStatus(url: string): Promise<number> {
  return (await fetch(`${url}/api/ready`)).status;
}

describe('pnpm start without MONGODB_URI (embedded database)', () => {
  test('data written before a restart is still there after it', { timeout: 480_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-start-'));
    const env = {
      ELIGO_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      LEVER_EMULATOR_PORT: String(await freePort()),
    };
    const marker = `restart-check-${Date.now()}`;

    running = await launch(env);
    expect(running.output()).toMatch(/Database: (ferretdb|mongodb-memory-server) at mongodb:\/\//);
    expect(await readyStatus(running.url)).toBe(200);
    const first = await mongoose.createConnection(running.mongoUri).asPromise();
    await first.collection('restart_checks').insertOne({ marker });
    await first.close();
    await running.stop();
    running = undefined;

    running = await launch(env);
    expect(await readyStatus(running.url)).toBe(200);
    expect(running.output()).toContain('Using local secrets');
    const second = await mongoose.createConnection(running.mongoUri).asPromise();
    const found = await second.collection('restart_checks').findOne({ marker });
    await second.close();
    expect(found?.marker).toBe(marker);
  });
});
