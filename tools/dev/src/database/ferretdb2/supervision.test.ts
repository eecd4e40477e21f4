import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningDatabase } from '../running-database.ts';
import { ensureFerretDb2 } from './build.ts';
import { startFerretDb2 } from './server.ts';
import { buildOptionsFromEnv } from './settings.ts';

/**
 * `pnpm start`'s database, supervised as the launcher runs it (`restartUntil`), on a throwaway
 * cluster: FerretDB and PostgreSQL killed with SIGKILL come back by themselves and serve the data
 * written before; once shutdown has begun (the signal aborted), nothing comes back.
 */
const lines: string[] = [];
const shutdown = new AbortController();
let db: RunningDatabase | undefined;
let dataDir: string;
let unavailable = '';

beforeAll(async () => {
  let engine;
  try {
    engine = await ensureFerretDb2(buildOptionsFromEnv());
  } catch (error) {
    unavailable = (error as Error).message.split('\n')[0]!;
    return;
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-supervision-'));
  // mkdtemp makes it 0700; the cluster inside runs as the postgres user when we are root.
  await chmod(dataDir, 0o711);
  db = await startFerretDb2({
    engine,
    dataDir,
    ephemeral: true,
    crashSafe: true,
    restartUntil: shutdown.signal,
    backoff: { initialMs: 200 },
    log: (line) => lines.push(line),
  });
}, 120_000);
afterAll(async () => {
  await db?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The document's `note`, read through a new connection; throws while the database is away. */
async function readNote(): Promise<unknown> {
  const connection = await mongoose
    .createConnection(`${db!.uri}/supervision`, {
      serverSelectionTimeoutMS: 2_000,
      socketTimeoutMS: 5_000,
    })
    .asPromise();
  try {
    const doc = await connection.db!.collection('notes').findOne({ _id: 'kept' as never });
    return doc?.note;
  } finally {
    await connection.close();
  }
}

/** Polls `readNote` until it answers (the database accepts connections and queries again). */
async function noteOnceBack(timeoutMs = 45_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await readNote();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

test(
  'FerretDB and PostgreSQL killed with SIGKILL come back by themselves; after shutdown began, nothing does',
  {
    timeout: 180_000,
  },
  async (context) => {
    if (!db) {
      // Visible in the report with the reason; CI builds FerretDB 2, so it runs there.
      context.skip(`FerretDB 2 cannot run here: ${unavailable}`);
      return;
    }
    const connection = await mongoose.createConnection(`${db.uri}/supervision`).asPromise();
    await connection.db!.collection('notes').insertOne({ _id: 'kept' as never, note: 'before' });
    await connection.close();

    const ferretPid = db.ferretdb!.pid()!;
    process.kill(ferretPid, 'SIGKILL');
    expect(await noteOnceBack()).toBe('before');
    expect(db.ferretdb!.pid()).not.toBe(ferretPid);
    expect(lines).toContain('FerretDB exited (signal SIGKILL); restarting in 0.2 s (attempt 1)');
    expect(lines).toContain('FerretDB is back (attempt 1)');

    const postgresPid = db.postgres!.pid()!;
    process.kill(postgresPid, 'SIGKILL');
    await expect.poll(() => gone(postgresPid), { timeout: 10_000 }).toBe(true);
    expect(await noteOnceBack()).toBe('before');
    expect(db.postgres!.pid()).not.toBe(postgresPid);
    expect(lines).toContain('PostgreSQL exited (signal SIGKILL); restarting in 0.2 s (attempt 1)');

    // Ctrl-C: the launcher aborts first; the terminal's SIGINT then reaches FerretDB itself.
    shutdown.abort();
    const before = lines.length;
    const lastPid = db.ferretdb!.pid()!;
    process.kill(lastPid, 'SIGINT');
    await expect.poll(() => gone(lastPid), { timeout: 10_000 }).toBe(true);
    // Past the moment a restart would have been due (0.2 s), and then some.
    const exitedAt = Date.now();
    await expect.poll(() => Date.now() - exitedAt, { timeout: 5_000 }).toBeGreaterThan(1_000);
    expect(db.ferretdb!.pid()).toBe(lastPid);
    expect(lines.slice(before)).toEqual([]);
    await expect(readNote()).rejects.toThrow();
  },
);
