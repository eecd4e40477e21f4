import { describe, expect, test } from 'vitest';
import { applyLaunchDefaults, displayPath, resolveDataDir } from './launch-env.ts';

describe('launcher defaults', () => {
  test('pnpm start: production, and no dev mailbox unless asked for explicitly', () => {
    const env: Record<string, string | undefined> = {};
    applyLaunchDefaults(env, { dev: false });
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '3000' });
    expect(env.DEV_MAILBOX).toBeUndefined();
    expect(env.PUBLIC_URL).toBeUndefined();

    const asked: Record<string, string | undefined> = { DEV_MAILBOX: 'true' };
    applyLaunchDefaults(asked, { dev: false });
    expect(asked.DEV_MAILBOX).toBe('true');
  });

  test('pnpm dev: development, the mailbox without SMTP, PUBLIC_URL on the Vite dev server', () => {
    const env: Record<string, string | undefined> = { WEB_DEV_PORT: '5199' };
    applyLaunchDefaults(env, { dev: true });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      DEV_MAILBOX: 'true',
      PUBLIC_URL: 'http://localhost:5199',
    });
    const withSmtp: Record<string, string | undefined> = { SMTP_URL: 'smtp://127.0.0.1:25' };
    applyLaunchDefaults(withSmtp, { dev: true });
    expect(withSmtp.DEV_MAILBOX).toBeUndefined();
  });

  test('ELIGO_DATA_DIR and printed paths are relative to where the command was typed', () => {
    const env = { INIT_CWD: '/home/ada/eligo', ELIGO_DATA_DIR: 'local-data' };
    expect(resolveDataDir(env, '/x/.data')).toBe('/home/ada/eligo/local-data');
    expect(resolveDataDir({}, '/x/.data')).toBe('/x/.data');
    expect(displayPath('/home/ada/eligo/.data/secrets.json', env)).toBe('.data/secrets.json');
    expect(displayPath('/var/eligo/secrets.json', env)).toBe('/var/eligo/secrets.json');
  });
});
