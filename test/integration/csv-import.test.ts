import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Readable, Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '@eligo/server/app';
import { CSRF_HEADER } from '@eligo/shared/http';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { createOrganization, signedIn } from '../support/factories.ts';
import { waitFor } from '../support/wait.ts';
import {
  DEMO_HEADER as HEADER,
  demoRoutes,
  stagedWhileApplying,
  type StoredPeriod,
} from '../support/csv-demo-import.ts';

/** The CSV import mechanism (server/src/lib/csv-import) through a demonstration import route. */

let t: TestApp;
let app: FastifyInstance;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp(import.meta.filename);
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  app = await createApp(t.config, { logStream: quiet, testRoutes: demoRoutes });
  const org = await createOrganization(app);
  admin = await signedIn(app, org.admin);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const URL = '/api/test/periods/import';
const upload = (body: string | Buffer | Readable, url = URL, type = 'text/csv') =>
  admin.request('POST', url, body, { 'content-type': type });
const stagedChunks = () => t.db.collection('csv_import_staging').countDocuments();
const storedFor = (employees: string[]) =>
  t.db
    .collection<StoredPeriod>('csv_demo_periods')
    .find({ employee: { $in: employees } }, { projection: { _id: 0 } })
    .sort({ employee: 1, period_start: 1 })
    .toArray();

/** `count` employees (unique to the calling test), two fortnights each. */
function payroll(count: number, wages = '1,234.50') {
  const tag = randomUUID().slice(0, 8);
  const employees = Array.from({ length: count }, (_, i) => `e${i}-${tag}@example.com`);
  const lines = employees.flatMap((e) => [
    `${e},2026-01-01,2026-01-14,40,"${wages}",`,
    `${e},2026-01-15,2026-01-28,37.5,"${wages}",`,
  ]);
  return { employees, lines, file: `\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n` };
}

describe('a valid file', () => {
  test('is applied once: uploading it again changes nothing; a dry run writes nothing', async () => {
    const { employees, file } = payroll(1_500);
    const dry = await upload(file, `${URL}?dryRun=true`);
    expect(dry.json()).toEqual({
      dryRun: true,
      rows: 3_000,
      created: 3_000,
      updated: 0,
      unchanged: 0,
    });
    expect(await storedFor(employees)).toEqual([]);

    const first = await upload(file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      dryRun: false,
      rows: 3_000,
      created: 3_000,
      updated: 0,
      unchanged: 0,
    });
    // The rows came back from the staging collection: 3 chunks, which expire if nobody deletes them.
    expect(stagedWhileApplying.map((c) => c.rows.length)).toEqual([1_000, 1_000, 1_000]);
    for (const { expiresAt } of stagedWhileApplying)
      expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const stored = await storedFor(employees);
    expect(stored).toHaveLength(3_000);
    expect(stored[0]).toEqual({
      employee: employees[0],
      period_start: '2026-01-01',
      period_end: '2026-01-14',
      hours: 40,
      wages: 1234.5,
      note: null,
    });

    const again = await upload(file);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3_000 });
    expect(await storedFor(employees)).toEqual(stored);

    const raise = `${employees[0]},2026-01-01,2026-01-14,40,"1,300.00"`;
    const changed = file.replace(`${employees[0]},2026-01-01,2026-01-14,40,"1,234.50"`, raise);
    expect(changed).toContain(raise);
    const preview = await upload(changed, `${URL}?dryRun=true`);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      created: 0,
      updated: 1,
      unchanged: 2_999,
    });
    expect(await storedFor(employees)).toEqual(stored);
    expect(await stagedChunks()).toBe(0);
  });
});

describe('a file with errors changes nothing', () => {
  test('errors after the first staged batches: all listed by line and column, nothing applied, staging emptied', async () => {
    const { employees, lines } = payroll(1_500);
    lines[2_400] = lines[2_400]!.replace('2026-01-01', '2026-02-30');
    lines[2_600] = lines[2_600]!.replace('"1,234.50"', '$1234.50');
    lines.push(lines[0]!.replace('2026-01-14', '2026-01-10'));
    const response = await upload(`${HEADER}\n${lines.join('\n')}\n`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      code: 'CSV_INVALID',
      message: '3 rows have errors; nothing was imported',
      details: [
        {
          path: '/body/2402/period_start',
          line: 2_402,
          column: 'period_start',
          message: '2026-02-30 is not a real date',
        },
        {
          path: '/body/2602/wages',
          line: 2_602,
          column: 'wages',
          message: '"$1234.50": write the amount without a currency symbol (e.g. 1234.50)',
        },
        {
          path: '/body/3002/period_start',
          line: 3_002,
          column: 'period_start',
          message: `Overlaps the period on line 2 (2026-01-01 to 2026-01-14) of the same employee`,
        },
      ],
    });
    expect(await storedFor(employees)).toEqual([]);
    expect(await stagedChunks()).toBe(0);
  });

  test.each([
    [
      'an empty file',
      '',
      new RegExp(`^The file is empty \\(its first line must be the header ${HEADER}\\)`),
    ],
    [
      'a wrong header',
      'name,start,end,hours,wages\r\na,2026-01-01,2026-01-14,1,1\r\n',
      new RegExp(`^The first line must be the header ${HEADER};`),
    ],
  ])('%s: 400 CSV_INVALID naming the header', async (_, body, message) => {
    const response = await upload(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'CSV_INVALID',
      message: expect.stringMatching(message),
    });
  });
});

describe('the upload', () => {
  test.each([
    [
      'application/json',
      JSON.stringify({ employee: 'x' }),
      /^Send the file as CSV \(Content-Type: text\/csv\), not application\/json$/,
    ],
    ['text/plain', 'employee', /not text\/plain$/],
    [
      'text/csv; charset=windows-1252',
      `${HEADER}\n`,
      /^Send the file as UTF-8 CSV \(charset=utf-8\), not windows-1252/,
    ],
  ])('%s → 415 in the error shape', async (type, body, message) => {
    const response = await upload(body, URL, type);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(message),
    });
  });

  test('no body and no Content-Type → 415', async () => {
    const response = await admin.request('POST', URL);
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test("over the route's limit: 413 at once from Content-Length, or while streaming without one", async () => {
    const { employees, file } = payroll(2_500); // ~130 KB per 1,000 employees
    expect(Buffer.byteLength(file)).toBeGreaterThan(256 * 1024);
    const declared = await upload(file);
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message:
        'The file is larger than 256 KB, the most this import takes; split it into smaller files',
    });
    expect(declared.headers.connection).toBe('close');

    const streamed = await upload(Readable.from([Buffer.from(file)], { objectMode: false }));
    expect(streamed.statusCode).toBe(413);
    expect(await storedFor(employees)).toEqual([]);
    expect(await stagedChunks()).toBe(0);
  });

  test('the default limit is 20 MB', async () => {
    const response = await upload(Buffer.alloc(20 * 1024 * 1024 + 1, 'a'), `${URL}-default`);
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/^The file is larger than 20 MB/);
  });

  test('an upload the client abandons midway (over real HTTP) applies nothing, and its staged rows go', async () => {
    const { employees, lines } = payroll(1_500);
    const { port } = new globalThis.URL(await app.listen({ host: '127.0.0.1', port: 0 }));
    const cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `${URL}-default`,
      headers: { host: 'localhost', 'content-type': 'text/csv', cookie, [CSRF_HEADER]: 'eligo' },
    });
    request.on('error', () => undefined);
    request.write(`${HEADER}\n${lines.slice(0, 2_500).join('\n')}\n`);
    await waitFor('two batches staged', async () => (await stagedChunks()) >= 2);
    request.destroy();
    await waitFor('the staged rows deleted', async () => (await stagedChunks()) === 0);
    expect(await storedFor(employees)).toEqual([]);
  });

  test('who may import is checked before the file is read', async () => {
    const anonymous = apiClient(app);
    const response = await anonymous.request('POST', URL, payroll(1).file, {
      'content-type': 'text/csv',
    });
    expect(response.statusCode).toBe(401);
  });

  test('JSON routes keep parsing JSON (the CSV parser is scoped to the import routes)', async () => {
    expect((await admin.post('/api/test/json-echo', { name: 'Ada' })).json()).toEqual({
      name: 'Ada',
    });
    const csv = await admin.request('POST', '/api/test/json-echo', 'name\nAda\n', {
      'content-type': 'text/csv',
    });
    expect(csv.statusCode).toBe(415);
    const settings = await admin.patch('/api/organization/settings', { tagPrefix: 'Acme' });
    expect(settings.statusCode).toBe(200);
  });

  test('the staging collection has its TTL index', async () => {
    const indexes = await t.db.collection('csv_import_staging').listIndexes().toArray();
    expect(indexes).toContainEqual(
      expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }),
    );
    expect(indexes).toContainEqual(expect.objectContaining({ key: { importId: 1, seq: 1 } }));
  });
});
