import { afterEach, describe, expect, test, vi } from 'vitest';
import { Type } from 'typebox';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { defineRoute } from '@eligo/shared/routes';
import { ApiError } from './client.ts';
import { uploadFile } from './upload.ts';

const importThings = defineRoute({
  method: 'POST',
  path: '/api/things/import',
  summary: 'test route',
  access: 'admin',
  query: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
  response: Type.Object({ rows: Type.Integer() }),
});

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
    Response.json(body, { status }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('uploadFile', () => {
  test('sends the file itself as the body, with its type and the anti-CSRF header', async () => {
    const fetchMock = answer(200, { rows: 2 });
    const file = new Blob(['a,b\n1,2\n']);
    await expect(uploadFile(importThings, file, { dryRun: true })).resolves.toEqual({ rows: 2 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/things/import?dryRun=true');
    expect(init!.body).toBe(file);
    expect(init!.headers).toMatchObject({
      'content-type': 'text/csv',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
    });
  });

  test("a refused file's errors come with how many there were in all", async () => {
    answer(400, {
      statusCode: 400,
      code: 'CSV_INVALID',
      message: '600 rows have errors; nothing was imported',
      details: [{ path: '/body/2/a', line: 2, column: 'a', message: 'is empty' }],
      totalDetails: 600,
    });
    const error = await uploadFile(importThings, new Blob(['a']), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'CSV_INVALID',
      totalDetails: 600,
      details: [{ line: 2, column: 'a', message: 'is empty' }],
    });
  });
});
