import { afterAll, beforeAll, expect, test } from 'vitest';
import { authorizeWithHttp } from '@eligo/lever-emulator';
import type { FastifyInstance } from 'fastify';
import { apiClient, type ApiClient } from '../support/http.ts';
import { SUPER_ADMIN, startLeverTestbed, type LeverTestbed } from '../support/lever.ts';

/**
 * Behind a load balancer, the Lever callback can reach another API instance than the one that sent
 * the admin to Lever: the OAuth state lives in the database (README "Shared state"), bound to the
 * admin's session (also in the database), and is used once, whichever instance sees it.
 */
let bed: LeverTestbed;
let other: FastifyInstance;
beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
  other = await bed.secondInstance();
});
afterAll(() => bed.close());

/** The same browser (same cookies) talking to another instance. */
function sameBrowserOn(app: FastifyInstance, browser: ApiClient): ApiClient {
  const moved = apiClient(app);
  for (const [name, value] of browser.cookies) moved.cookies.set(name, value);
  return moved;
}

test('GO TO LEVER on one instance, the callback on another: connected; the state then works nowhere again', async () => {
  const { admin } = await bed.startOver();
  const start = await admin.get('/api/integrations/lever/connect');
  expect(start.statusCode).toBe(302);
  const callback = await authorizeWithHttp(start.headers.location as string, SUPER_ADMIN);

  const onOther = sameBrowserOn(other, admin);
  const back = await onOther.get(callback.pathname + callback.search);
  expect(back.headers.location).toContain('lever=connected');
  expect((await bed.tile(admin)).status).toBe('waiting');

  const replay = await admin.get(callback.pathname + callback.search);
  expect(replay.headers.location).toContain('lever=invalid_state');
  expect(bed.lever.state.tokenEndpoint.authorizationCode).toBe(1);
});
