import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LocalSecrets {
  ENCRYPTION_KEY: string;
}

/**
 * `pnpm start` on a fresh machine has no secrets configured. The launcher generates them once and
 * keeps them next to the local database (both ignored by git), so data stays readable across
 * restarts. Production sets real values in the environment; the server refuses to start without.
 */
export async function loadOrCreateLocalSecrets(
  dataDir: string,
): Promise<{ secrets: LocalSecrets; file: string; created: boolean }> {
  const file = path.join(dataDir, 'local-secrets.json');
  if (existsSync(file)) {
    return {
      secrets: JSON.parse(await readFile(file, 'utf8')) as LocalSecrets,
      file,
      created: false,
    };
  }
  const secrets: LocalSecrets = { ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return { secrets, file, created: true };
}
