import { describe, expect, test } from 'vitest';
import {
  applyLaunchDefaults,
  displayPath,
  emulatorEnv,
  isLocalOnly,
  resolveDataDir,
} from './launch-env.ts';

describe('launcher defaults', () => {
  test('pnpm start without SMTP: production, and the dev mailbox asked for explicitly', () => {
    const env: Record<string, string | undefined> = {};
    expect(applyLaunchDefaults(env, { dev: false })).toBe('mailbox-by-launcher');
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '3000', DEV_MAILBOX: 'true' });
    expect(env.PUBLIC_URL).toBeUndefined();
  });

  test('the mailbox stays off with SMTP, when turned off, or when other machines can reach the API', () => {
    const withSmtp: Record<string, string | undefined> = { SMTP_URL: 'smtp://127.0.0.1:25' };
    expect(applyLaunchDefaults(withSmtp, { dev: false })).toBe('smtp');
    expect(withSmtp.DEV_MAILBOX).toBeUndefined();

    const off: Record<string, string | undefined> = { DEV_MAILBOX: 'false' };
    expect(applyLaunchDefaults(off, { dev: false })).toBe('outbox-only');
    expect(off.DEV_MAILBOX).toBe('false');

    for (const exposed of [
      { HOST: '0.0.0.0' },
      { PUBLIC_URL: 'https://eligo.example.com' },
      { ALLOWED_HOSTS: 'eligo.example.com' },
    ]) {
      const env: Record<string, string | undefined> = { ...exposed };
      expect(applyLaunchDefaults(env, { dev: false })).toBe('outbox-only');
      expect(env.DEV_MAILBOX).toBeUndefined();
    }
    // Asked for explicitly: the user's choice stands (the server warns when it is exposed).
    const asked: Record<string, string | undefined> = { DEV_MAILBOX: 'true', HOST: '0.0.0.0' };
    expect(applyLaunchDefaults(asked, { dev: false })).toBe('mailbox-asked');
  });

  test('local only: a loopback listener whose public and allowed names are local', () => {
    expect(isLocalOnly({})).toBe(true);
    expect(
      isLocalOnly({ PORT: '3300', PUBLIC_URL: 'http://127.0.0.1:3300', HOST: 'localhost' }),
    ).toBe(true);
    expect(isLocalOnly({ HOST: '0.0.0.0' })).toBe(false);
  });

  test('pnpm dev: development, the mailbox without SMTP, PUBLIC_URL on the Vite dev server', () => {
    const env: Record<string, string | undefined> = { WEB_DEV_PORT: '5199' };
    expect(applyLaunchDefaults(env, { dev: true })).toBe('mailbox-by-launcher');
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      DEV_MAILBOX: 'true',
      PUBLIC_URL: 'http://localhost:5199',
    });
  });

  test('the Lever emulator: redirects to the API at its own port, event groups off as in Lever, state in the data folder', () => {
    const env: Record<string, string | undefined> = { PORT: '3300' };
    applyLaunchDefaults(env, { dev: false });
    expect(emulatorEnv(env, 4300, '/srv/eligo-data')).toEqual({
      PORT: '4300',
      HOST: '127.0.0.1',
      LEVER_EMULATOR_CLIENT_ID: 'eligo-local-client',
      LEVER_EMULATOR_CLIENT_SECRET: 'eligo-local-secret',
      LEVER_EMULATOR_REDIRECT_URIS: 'http://localhost:3300/api/integrations/lever/callback',
      LEVER_EMULATOR_EVENT_GROUPS_ENABLED: 'false',
      LEVER_EMULATOR_STATE_FILE: '/srv/eligo-data/lever-emulator.json',
    });
    const dev: Record<string, string | undefined> = { WEB_DEV_PORT: '5199' };
    applyLaunchDefaults(dev, { dev: true });
    expect(emulatorEnv(dev, 4010, '/tmp/d').LEVER_EMULATOR_REDIRECT_URIS).toBe(
      'http://localhost:5199/api/integrations/lever/callback',
    );
  });

  test('ELIGO_DATA_DIR and printed paths are relative to where the command was typed', () => {
    const env = { INIT_CWD: '/home/ada/eligo', ELIGO_DATA_DIR: 'local-data' };
    expect(resolveDataDir(env, '/x/.data')).toBe('/home/ada/eligo/local-data');
    expect(resolveDataDir({}, '/x/.data')).toBe('/x/.data');
    expect(displayPath('/home/ada/eligo/.data/secrets.json', env)).toBe('.data/secrets.json');
    expect(displayPath('/var/eligo/secrets.json', env)).toBe('/var/eligo/secrets.json');
  });
});
