import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Types } from 'mongoose';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { unwrapDataKey } from '@eligo/server/lib/crypto/envelope';
import { kekId, keyring } from '@eligo/server/lib/crypto/keyring';
import { rotateDataKeys } from '@eligo/server/lib/crypto/rotation';
import { repoRoot } from '@eligo/dev/paths';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { createApplicantWithSurveyLink, createOrganization } from '../support/factories.ts';
import { withDatabase } from '../support/mongo-uri.ts';
import { surveyPath } from '../support/survey.ts';

/**
 * Rotating ENCRYPTION_KEY without downtime (README "Rotating ENCRYPTION_KEY"): instances with the
 * old key, with both keys and with only the new key, on one database, reading and writing survey
 * drafts (encrypted under each organization's data key) through the survey API.
 */
const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const oldId = kekId(Buffer.from(oldKey, 'base64'));
const newId = kekId(Buffer.from(newKey, 'base64'));
const bothKeys = { ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey };

const opened: TestApp[] = [];
afterAll(async () => {
  // Second instances first: the first one of each database drops it.
  for (const t of opened.reverse()) await t.close();
});

/** The first instance of a fresh database: it owns (and finally drops) the database. */
async function firstInstance(env: Record<string, string>): Promise<TestApp> {
  const t = await createTestApp(import.meta.filename, { env });
  opened.push(t);
  return t;
}

/** Another API instance on `owner`'s database, with its own keys. */
async function instance(owner: TestApp, env: Record<string, string>): Promise<TestApp> {
  const t = await createTestApp(import.meta.filename, { databaseOf: owner, env });
  opened.push(t);
  return t;
}

/** An organization with an applicant whose saved draft holds `street` (encrypted at rest). */
async function applicantWithDraft(t: TestApp, street: string) {
  const { organizationId } = await createOrganization(t.app);
  const { token } = await createApplicantWithSurveyLink(t.app, organizationId);
  const saved = await apiClient(t.app).put(surveyPath(token, 'answers'), {
    step: 1,
    answers: { street },
  });
  expect(saved.statusCode).toBe(204);
  return { organizationId, token, street };
}

async function streetSeenBy(t: TestApp, token: string): Promise<string | undefined> {
  const response = await apiClient(t.app).get(surveyPath(token));
  expect(response.statusCode).toBe(200);
  return (response.json() as { draft?: { answers: { street?: string } } }).draft?.answers.street;
}

async function kekIdsOf(t: TestApp, organizationIds: string[]): Promise<Array<string | undefined>> {
  const rows = await t.db
    .collection('data_keys')
    .find({ organizationId: { $in: organizationIds.map((id) => new Types.ObjectId(id)) } })
    .toArray();
  return organizationIds.map(
    (id) => rows.find((row) => String(row.organizationId) === id)?.kekId as string | undefined,
  );
}

const rotationState = (t: TestApp) =>
  t.db.collection('kek_rotation').findOne({ _id: 'current' as never });

const ring = () => keyring(Buffer.from(newKey, 'base64'), Buffer.from(oldKey, 'base64'));

describe('rotating ENCRYPTION_KEY while the API runs', () => {
  test(
    'rollout with both keys, a rotation that crashes and resumes, then the old key removed: every value stays readable',
    { timeout: 120_000 },
    async () => {
      // Instance A before the rollout: only the old key.
      const a = await firstInstance({ ENCRYPTION_KEY: oldKey });
      const first = await applicantWithDraft(a, '1 Before Rollout Road');
      expect(await kekIdsOf(a, [first.organizationId])).toEqual([oldId]);

      // 1. Rolling restart: instance B has the new key and the old one; A still only the old one.
      const b = await instance(a, bothKeys);
      const second = await applicantWithDraft(b, '2 During Rollout Road');
      // Not rotated yet: B wraps a new organization's key under the old KEK, so A reads it too.
      expect(await kekIdsOf(a, [second.organizationId])).toEqual([oldId]);
      expect(await streetSeenBy(a, second.token)).toBe(second.street);
      expect(await streetSeenBy(b, first.token)).toBe(first.street);

      // 2. The rotation command, crashing after its first re-wrapped row.
      await expect(
        rotateDataKeys(b.app.mongo, ring(), {
          onRewrapped: () => {
            throw new Error('simulated crash');
          },
        }),
      ).rejects.toThrow('simulated crash');
      const midway = await kekIdsOf(a, [first.organizationId, second.organizationId]);
      expect(midway.filter((id) => id === newId)).toHaveLength(1);
      expect(midway.filter((id) => id === oldId)).toHaveLength(1);
      expect(await rotationState(a)).toMatchObject({
        kekId: newId,
        fromKekId: oldId,
        finishedAt: null,
      });

      // Mid-rotation, instances holding both keys read rows of either (C starts with an empty
      // cache), and a new organization's key is wrapped under the new KEK right away.
      const c = await instance(a, bothKeys);
      for (const t of [b, c]) {
        expect(await streetSeenBy(t, first.token)).toBe(first.street);
        expect(await streetSeenBy(t, second.token)).toBe(second.street);
      }
      const third = await applicantWithDraft(c, '3 Mid Rotation Road');
      expect(await kekIdsOf(a, [third.organizationId])).toEqual([newId]);
      expect(await streetSeenBy(b, third.token)).toBe(third.street);

      // 3. Run again: it resumes with what is left, then a third run has nothing to do.
      const resumed = await rotateDataKeys(c.app.mongo, ring());
      expect(resumed).toMatchObject({ rewrapped: 1, unreadable: [], status: { total: 3 } });
      expect(resumed.status.byKek).toEqual({ [newId]: 3 });
      expect((await rotateDataKeys(c.app.mongo, ring())).rewrapped).toBe(0);
      expect(await rotationState(a)).toMatchObject({ finishedAt: expect.any(Date), rewrapped: 1 });

      // 4. The old key is no longer needed: an instance with only the new key reads everything
      //    written before, and no stored data key opens with the old key any more.
      const d = await instance(a, { ENCRYPTION_KEY: newKey });
      for (const { token, street } of [first, second, third]) {
        expect(await streetSeenBy(d, token)).toBe(street);
      }
      for (const row of await a.db.collection('data_keys').find({}).toArray()) {
        const unwrapWithOldKey = () =>
          unwrapDataKey(
            Buffer.from(oldKey, 'base64'),
            row.wrappedKey as string,
            String(row.organizationId),
            row.version as number,
          );
        expect(unwrapWithOldKey).toThrow();
      }
      const fourth = await applicantWithDraft(d, '4 After Rotation Road');
      expect(await kekIdsOf(a, [fourth.organizationId])).toEqual([newId]);

      // An instance started with only the old key now refuses to boot, naming the keys.
      const oldOnly = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        MONGODB_URI: a.config.mongodbUri,
        ENCRYPTION_KEY: oldKey,
      });
      await expect(createApp(oldOnly)).rejects.toThrow(
        `4 organization data key(s) are wrapped by a key-encryption key this instance does not hold (4 under ${newId})`,
      );
    },
  );
});

describe('the rotate-key command', () => {
  function runCommand(owner: TestApp, args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/rotate-key.ts', ...args], {
      cwd: path.join(repoRoot, 'server'),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        MONGODB_URI: withDatabase(inject('mongoUri'), owner.databaseName),
        ENCRYPTION_KEY_PREVIOUS: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise<{ code: number | null; output: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, output })),
    );
  }

  test(
    'reports, re-wraps, says when the old key can go, and refuses keys it cannot use',
    { timeout: 120_000 },
    async () => {
      const owner = await firstInstance({ ENCRYPTION_KEY: oldKey });
      const written = await applicantWithDraft(owner, '5 Command Line Lane');
      const pair = { ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey };

      const status = await runCommand(owner, ['--status'], pair);
      expect(status.code).toBe(0);
      expect(status.output).toContain(
        `before: 1 data key(s): 1 under ${oldId} (ENCRYPTION_KEY_PREVIOUS)`,
      );
      expect(await kekIdsOf(owner, [written.organizationId])).toEqual([oldId]);

      const run = await runCommand(owner, [], pair);
      expect(run.code).toBe(0);
      expect(run.output).toContain(`after: 1 data key(s): 1 under ${newId} (ENCRYPTION_KEY)`);
      expect(run.output).toContain('ENCRYPTION_KEY_PREVIOUS is no longer needed');
      expect((await runCommand(owner, [], pair)).output).toContain(
        're-wrapped 0 data key(s) in this run',
      );
      const reader = await instance(owner, { ENCRYPTION_KEY: newKey });
      expect(await streetSeenBy(reader, written.token)).toBe(written.street);

      // Neither key wraps the data key: nothing changes, exit 1 with the reason.
      const wrong = await runCommand(owner, [], {
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        ENCRYPTION_KEY_PREVIOUS: randomBytes(32).toString('base64'),
      });
      expect(wrong.code).toBe(1);
      expect(wrong.output).toContain(`wrapped by ${newId}`);
      expect(wrong.output).toContain('Those are wrapped by neither key');
      expect(await kekIdsOf(owner, [written.organizationId])).toEqual([newId]);

      const unconfigured = await runCommand(owner, [], { ENCRYPTION_KEY: '' });
      expect(unconfigured.code).toBe(78);
      expect(unconfigured.output).toContain('ENCRYPTION_KEY is required but not set');
    },
  );
});
