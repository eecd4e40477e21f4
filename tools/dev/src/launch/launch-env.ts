import path from 'node:path';
import { answersOnlyThisMachine, hostRules } from '@eligo/server/lib/http/hosts';

type Env = Record<string, string | undefined>;

/** How outgoing mail is handled in this run, for the launcher's printout. */
export type MailSetup =
  /** SMTP_URL is set: mail is sent. */
  | 'smtp'
  /** No SMTP_URL; the launcher turned the dev mailbox on (local-only server). */
  | 'mailbox-by-launcher'
  /** No SMTP_URL; DEV_MAILBOX=true was given. */
  | 'mailbox-asked'
  /** No SMTP_URL and no mailbox: DEV_MAILBOX=false was given, or the server is not local-only. */
  | 'outbox-only';

/**
 * True when nobody but this machine can read the API (`answersOnlyThisMachine`), judged from the
 * environment the API will get: HOST, PUBLIC_URL, ALLOWED_HOSTS.
 */
export function isLocalOnly(env: Env): boolean {
  const rules = hostRules({
    publicUrl: apiPublicUrl(env),
    port: Number(env.PORT ?? 3000),
    development: env.NODE_ENV === 'development',
    extraHosts: (env.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  });
  return answersOnlyThisMachine(rules, env.HOST ?? '127.0.0.1');
}

/**
 * What the launcher fills into the API's environment when the user did not: production mode for
 * `pnpm start`, development for `pnpm dev` (with PUBLIC_URL on Vite's dev server, which proxies
 * /api). Without SMTP_URL, mail would only pile up unseen in the outbox, so the launcher asks for
 * the dev mailbox explicitly (DEV_MAILBOX=true) — but only for a local-only server (`isLocalOnly`);
 * an explicit DEV_MAILBOX always wins.
 */
export function applyLaunchDefaults(env: Env, { dev }: { dev: boolean }): MailSetup {
  env.PORT = String(Number(env.PORT ?? 3000));
  env.NODE_ENV ??= dev ? 'development' : 'production';
  if (dev) env.PUBLIC_URL ??= `http://localhost:${Number(env.WEB_DEV_PORT ?? 5173)}`;
  if (env.SMTP_URL) return 'smtp';
  if (env.DEV_MAILBOX !== undefined && env.DEV_MAILBOX !== '')
    return env.DEV_MAILBOX === 'true' ? 'mailbox-asked' : 'outbox-only';
  if (!isLocalOnly(env)) return 'outbox-only';
  env.DEV_MAILBOX = 'true';
  return 'mailbox-by-launcher';
}

/** The URL the API is reached at: PUBLIC_URL, or localhost at PORT. */
export function apiPublicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${Number(env.PORT ?? 3000)}`).replace(/\/+$/, '');
}

/** The bundled Lever emulator's OAuth client, shared by the emulator and the API. */
export const EMULATOR_CLIENT = {
  clientId: 'eligo-local-client',
  clientSecret: 'eligo-local-secret',
} as const;

/**
 * The emulator's settings (on top of the user's environment): its port, the OAuth client whose only
 * redirect URI is the API's callback at the API's own URL (so a changed PORT or PUBLIC_URL still
 * connects), event groups off at the start, as in a real Lever account (a Super Admin switches
 * Application created on), and its state kept in the data folder, so the next `pnpm start` finds the
 * demo's grant, webhooks and candidates again (deleting the folder starts afresh).
 */
export function emulatorEnv(apiEnv: Env, port: number, dataDir: string): Env {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    LEVER_EMULATOR_CLIENT_ID: EMULATOR_CLIENT.clientId,
    LEVER_EMULATOR_CLIENT_SECRET: EMULATOR_CLIENT.clientSecret,
    LEVER_EMULATOR_REDIRECT_URIS: `${apiPublicUrl(apiEnv)}/api/integrations/lever/callback`,
    LEVER_EMULATOR_EVENT_GROUPS_ENABLED: 'false',
    LEVER_EMULATOR_STATE_FILE: emulatorStateFile(dataDir),
  };
}

/** Where the emulator started by the launcher keeps its state. */
export const emulatorStateFile = (dataDir: string) => path.join(dataDir, 'lever-emulator.json');

/** The folder the user typed the command in (pnpm runs scripts from the package folder). */
export function invocationDir(env: Env): string {
  return env.INIT_CWD ?? process.cwd();
}

/** ELIGO_DATA_DIR, relative to where the command was typed; `fallback` when unset. */
export function resolveDataDir(env: Env, fallback: string): string {
  return env.ELIGO_DATA_DIR ? path.resolve(invocationDir(env), env.ELIGO_DATA_DIR) : fallback;
}

/** A path as the user can use it from where they typed the command. */
export function displayPath(file: string, env: Env): string {
  const relative = path.relative(invocationDir(env), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
