import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Clock, createClock } from './clock.ts';
import type { EmulatorContext } from './context.ts';
import { type EmulatorOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import { openStateFile } from './state/state-file.ts';
import { type State, createState, resetState } from './state/store.ts';
import { type WebhookEngine, createWebhookEngine } from './webhooks/engine.ts';

export type { EmulatorOptions, OAuthClientOptions, Switches } from './options.ts';
export { defaultSwitches } from './options.ts';
export type { State } from './state/store.ts';
export type { Clock } from './clock.ts';
export { seedAccount, seedPostings, seedUsers, seedStages, SEED_PASSWORD } from './state/seed.ts';
export { signDelivery, verifyDelivery } from './webhooks/signature.ts';
export { authorizeWithHttp } from './http-consent.ts';

export interface Emulator {
  app: FastifyInstance;
  state: State;
  clock: Clock;
  options: ResolvedOptions;
  webhooks: WebhookEngine;
  /** Base URL (after `listen`, or `options.baseUrl`). */
  url(): string;
  /** Starts listening (port 0 = any free port) and returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** With `options.stateFile`: the file, and whether the state came from it at start. */
  stateFile: { path: string; startedFrom: 'the file' | 'the seed' } | undefined;
  /** Back to the seeded state (same as POST /_emulator/reset). */
  reset(): void;
  close(): Promise<void>;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options);
  const clock = createClock(resolved.clockStart);
  const state = createState(resolved.client, resolved.switches);
  const file = resolved.stateFile
    ? openStateFile(resolved.stateFile, state, { report: resolved.report })
    : undefined;
  const changed = () => file?.changed();
  const webhooks = createWebhookEngine(state, clock, resolved, changed);
  const loaded = file?.load();
  let listeningUrl: string | undefined;
  const baseUrl = () => resolved.baseUrl ?? listeningUrl ?? 'http://127.0.0.1:4010';
  const ctx: EmulatorContext = {
    state,
    clock,
    options: resolved,
    webhooks,
    baseUrl,
    audience: () => resolved.audience ?? `${baseUrl()}/v1/`,
    hireHost: () =>
      resolved.environment === 'sandbox' ? 'hire.sandbox.lever.co' : 'hire.lever.co',
    changed,
    reset: () => {
      webhooks.stop();
      resetState(state, resolved.switches);
      clock.reset();
      changed();
    },
  };
  const reset = ctx.reset;
  const app = buildApp(ctx);
  if (loaded === 'loaded') webhooks.resumePending();
  return {
    app,
    state,
    clock,
    options: resolved,
    webhooks,
    url: baseUrl,
    stateFile: file && {
      path: file.path,
      startedFrom: loaded === 'loaded' ? 'the file' : 'the seed',
    },
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      listeningUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actualPort}`;
      return baseUrl();
    },
    reset,
    async close() {
      webhooks.stop();
      await app.close();
      await file?.close();
    },
  };
}
