import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { EmulatorOptions } from '../src/index.ts';
import { startEmulator } from './helpers/emulator.ts';
import { startReceiver } from './helpers/receiver.ts';

const SCOPE = 'offline_access opportunities:write:admin webhooks:write:admin';
const hookUrl = 'https://app.example.com/lever/webhooks/42/applicationCreated';

let dir: string;
let file: string;
const running: Array<{ close(): Promise<void> }> = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lever-emulator-state-'));
  file = path.join(dir, 'state', 'lever-emulator.json');
});
afterEach(async () => {
  for (const env of running.splice(0)) await env.close();
  await rm(dir, { recursive: true, force: true });
});

/** An emulator keeping its state in `file`; what it reports about the file lands in `reports`. */
async function start(reports: string[] = [], options: EmulatorOptions = {}) {
  const env = await startEmulator({ stateFile: file, report: (m) => reports.push(m), ...options });
  running.push(env);
  return env;
}

/** Sam connects the test client (a grant, with access and refresh tokens), as Eligo would. */
async function connect(env: Awaited<ReturnType<typeof start>>) {
  const tokens = await env.tokenRequest({
    grant_type: 'authorization_code',
    code: await env.codeFor(SCOPE),
    redirect_uri: 'http://127.0.0.1:3999/callback',
  });
  expect(tokens.status).toBe(200);
  return { access: tokens.body.access_token!, refresh: tokens.body.refresh_token! };
}

describe('state file (LEVER_EMULATOR_STATE_FILE)', () => {
  test('a new emulator on the same file has the grant, the tokens, the webhook and the candidate', async () => {
    const first = await start();
    const tokens = await connect(first);
    const hook = await first.call('POST', '/v1/webhooks', tokens.access, {
      url: hookUrl,
      event: 'applicationCreated',
    });
    expect(hook.status).toBe(201);
    const candidate = await first.newOpportunity({ name: 'Robin Kept' });
    const opportunityId = candidate.data.id;
    const tagged = await first.call(
      'POST',
      `/v1/opportunities/${opportunityId}/addTags`,
      tokens.access,
      { tags: ['WOTC: eligible'] },
    );
    expect(tagged.status).toBe(200);
    const enabled = await first.call(
      'PUT',
      '/_emulator/event-groups/applicationCreated',
      undefined,
      {
        enabled: true,
      },
    );
    expect(enabled.status).toBe(200);
    await first.close();
    running.splice(0);

    const second = await start();
    expect(second.baseUrl).not.toBe(first.baseUrl);
    const grants = await second.call('GET', '/_emulator/grants');
    expect(grants.body.data).toEqual([
      expect.objectContaining({ clientId: 'test-client', revokedAt: null }),
    ]);
    // The access token minted by the first process still opens the Data API.
    const hooks = await second.call('GET', '/v1/webhooks', tokens.access);
    expect(hooks.status).toBe(200);
    expect(hooks.body.data).toEqual([
      expect.objectContaining({ id: hook.body.data.id, url: hookUrl, event: 'applicationCreated' }),
    ]);
    const opportunity = await second.call(
      'GET',
      `/v1/opportunities/${opportunityId}`,
      tokens.access,
    );
    expect(opportunity.status).toBe(200);
    expect(opportunity.body.data).toMatchObject({ name: 'Robin Kept', tags: ['WOTC: eligible'] });
    const groups = await second.call('GET', '/_emulator/event-groups');
    expect(groups.body.data).toMatchObject({ applicationCreated: true, candidateHired: false });
    // The refresh token still works (and rotates) against the new process.
    const refreshed = await second.tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).toEqual(expect.any(String));
  });

  test('a change reaches the file soon, without waiting for a clean close', async () => {
    const env = await start();
    const candidate = await env.newOpportunity({ name: 'Quinn Saved' });
    const deadline = Date.now() + 5_000;
    let text = '';
    while (!text.includes(candidate.data.id) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      text = await readFile(file, 'utf8').catch(() => '');
    }
    expect(text).toContain(candidate.data.id);
    // Written whole (temp file + rename): it always parses, and no temp file is left behind.
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(await readdir(path.dirname(file))).toEqual(['lever-emulator.json']);
  });

  test('a delivery still pending when the emulator stopped is delivered by the next one', async () => {
    // The receiver is down at first (503), and Lever's next retry is an hour away.
    let up = false;
    const receiver = await startReceiver(() => (up ? 200 : 503));
    running.push(receiver);
    const slow = { retryDelaysMs: [3_600_000], retryDelayScale: 1 };
    const first = await start([], slow);
    await first.call('POST', '/_emulator/webhooks', undefined, {
      url: receiver.url,
      event: 'applicationCreated',
    });
    await first.call('PUT', '/_emulator/event-groups/applicationCreated', undefined, {
      enabled: true,
    });
    const candidate = await first.newOpportunity();
    await expect
      .poll(async () => (await first.call('GET', '/_emulator/deliveries')).body.data)
      .toEqual([expect.objectContaining({ outcome: 'pending', attempts: [expect.anything()] })]);
    await first.close();
    running.splice(running.indexOf(first), 1);

    up = true;
    const second = await start([], slow);
    const [, retried] = await receiver.waitForCount(2);
    expect(retried!.body.data.opportunityId).toBe(candidate.data.id);
    await expect
      .poll(async () => (await second.call('GET', '/_emulator/deliveries')).body.data)
      .toEqual([expect.objectContaining({ outcome: 'succeeded', attempts: expect.any(Array) })]);
    const [delivery] = (await second.call('GET', '/_emulator/deliveries')).body.data;
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([503, 200]);
  });

  test.each([
    ['not JSON', '{"format": 1, "account": {'],
    ['JSON of another shape', JSON.stringify({ format: 1, account: { id: 'a' }, users: {} })],
  ])('a file that is %s is set aside and the emulator starts from the seed', async (_, content) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    const reports: string[] = [];
    const env = await start(reports);

    expect(reports).toEqual([
      expect.stringMatching(
        /lever-emulator\.json .*; moved it to .*\.corrupt-.* and started from the seed$/,
      ),
    ]);
    const aside = (await readdir(path.dirname(file))).filter((f) => f.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(path.dirname(file), aside[0]!), 'utf8')).toBe(content);
    // The seed: no grants, no candidates; the seeded postings answer.
    expect((await env.call('GET', '/_emulator/grants')).body.data).toEqual([]);
    expect((await env.call('GET', '/_emulator/opportunities')).body.data).toEqual([]);
    const token = await env.token('postings:read:admin');
    expect((await env.call('GET', '/v1/postings', token)).body.data.length).toBeGreaterThan(0);
    // The emulator keeps working with a fresh file.
    const candidate = await env.newOpportunity();
    await env.close();
    running.splice(0);
    expect(await readFile(file, 'utf8')).toContain(candidate.data.id);
  });
});
