import path from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * What the launcher fills into the API's environment when the user did not: production mode for
 * `pnpm start`, development for `pnpm dev`. Only `pnpm dev` turns the dev mailbox on by itself
 * (and points PUBLIC_URL at Vite's dev server, which proxies /api); with `pnpm start` the mailbox
 * exists only when DEV_MAILBOX=true is given explicitly.
 */
export function applyLaunchDefaults(env: Env, { dev }: { dev: boolean }): void {
  env.PORT = String(Number(env.PORT ?? 3000));
  env.NODE_ENV ??= dev ? 'development' : 'production';
  if (dev) {
    env.PUBLIC_URL ??= `http://localhost:${Number(env.WEB_DEV_PORT ?? 5173)}`;
    if (!env.SMTP_URL) env.DEV_MAILBOX ??= 'true';
  }
}

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
