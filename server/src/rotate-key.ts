/**
 * The key-rotation command (README "Rotating ENCRYPTION_KEY"): re-wraps every organization's data
 * keys under ENCRYPTION_KEY, reading the ones still wrapped by ENCRYPTION_KEY_PREVIOUS, while the
 * API keeps running. Same environment as the API (MONGODB_URI, ENCRYPTION_KEY,
 * ENCRYPTION_KEY_PREVIOUS). Safe to run again at any time: it carries on where it stopped.
 *
 *   node server/dist/rotate-key.mjs            re-wrap, then report
 *   node server/dist/rotate-key.mjs --status   only report how many data keys each key wraps
 *
 * Exit codes: 0 done (or status printed), 1 some data keys are wrapped by neither key or a failure,
 * 78 bad configuration.
 */
import mongoose from 'mongoose';
import { heldKeys } from './lib/crypto/data-keys.ts';
import { keyring, type Keyring } from './lib/crypto/keyring.ts';
import { dataKeyStatus, rotateDataKeys, type DataKeyStatus } from './lib/crypto/rotation.ts';
import { ConfigError, loadConfig } from './plugins/config.ts';

const print = (line: string) => console.log(`[rotate-key] ${line}`);

function describe(status: DataKeyStatus, ring: Keyring): string {
  const names = new Map([[ring.current.id, 'ENCRYPTION_KEY']]);
  if (ring.previous) names.set(ring.previous.id, 'ENCRYPTION_KEY_PREVIOUS');
  const parts = Object.entries(status.byKek).map(
    ([id, n]) => `${n} under ${id} (${names.get(id) ?? 'a key this command does not hold'})`,
  );
  return `${status.total} data key(s)${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

async function main(argv: string[], env: Record<string, string | undefined>) {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[rotate-key] refuses to run. ${error.message}`);
      return 78;
    }
    throw error;
  }
  const ring = keyring(config.encryptionKey, config.previousEncryptionKey);
  const connection = await mongoose
    .createConnection(config.mongodbUri, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    print(`keys held: ${heldKeys(ring)}`);
    print(`before: ${describe(await dataKeyStatus(connection), ring)}`);
    if (argv.includes('--status')) return 0;

    print(`re-wrapping every data key under ${ring.current.id} (ENCRYPTION_KEY)…`);
    const report = await rotateDataKeys(connection, ring, {
      onRewrapped: (count) => {
        if (count % 100 === 0) print(`${count} re-wrapped so far`);
      },
    });
    print(`re-wrapped ${report.rewrapped} data key(s) in this run`);
    print(`after: ${describe(report.status, ring)}`);
    if (report.unreadable.length > 0) {
      for (const row of report.unreadable) {
        print(
          `cannot read: organization ${row.organizationId} version ${row.version}, wrapped by ` +
            `${row.kekId ?? '(unrecorded)'}`,
        );
      }
      print(
        'Those are wrapped by neither key: set ENCRYPTION_KEY_PREVIOUS to the key that wraps them ' +
          'and run this again. Keep every key until this command reports none left.',
      );
      return 1;
    }
    print(
      'Done: every data key is wrapped by ENCRYPTION_KEY. ENCRYPTION_KEY_PREVIOUS is no longer ' +
        'needed: remove it from every instance (a rolling restart), then retire the old key.',
    );
    return 0;
  } finally {
    await connection.close();
  }
}

process.exitCode = await main(process.argv.slice(2), process.env).catch((error: unknown) => {
  console.error('[rotate-key] failed:', error);
  return 1;
});
