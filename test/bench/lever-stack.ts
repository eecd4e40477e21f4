import mongoose, { type Connection } from 'mongoose';
import { createEmulator, type Emulator } from '@eligo/lever-emulator';
import { freePort } from '@eligo/dev/processes';
import type { TestDatabaseServer } from '../support/database.ts';
import { leverEnv } from '../support/lever-env.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import {
  connectLeverRemotely,
  signUpRemotely,
  type RemoteClient,
} from '../support/remote-client.ts';
import { spawnBuiltServer, type ServerProcess } from '../support/server-process.ts';

/**
 * The BUILT server connected by OAuth to a Lever emulator in the bench process, on a fresh
 * database of the tests' database server: shared by webhook-ingest.bench.ts and
 * lever-end-to-end.bench.ts.
 */

/** The built server connected to its own Lever emulator, on a fresh database. */
export interface Stack {
  lever: Emulator;
  server: ServerProcess;
  admin: RemoteClient;
  /** The webhook our server registered in Lever: where deliveries go and how they are signed. */
  webhook: { url: string; signatureToken: string };
  db: Connection;
  stop(): Promise<void>;
}

export async function startStack(
  database: TestDatabaseServer,
  label: string,
  env: Record<string, string> = {},
  /** Node options for the server, e.g. `--cpu-prof`. */
  nodeArgs: string[] = [],
): Promise<Stack> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const client = { clientId: 'eligo-bench', clientSecret: 'eligo-bench-secret' };
  const lever = createEmulator({
    client: { ...client, redirectUris: [`${appUrl}/api/integrations/lever/callback`] },
    switches: { eventGroupsEnabledByDefault: true },
  });
  const leverUrl = await lever.listen(0);
  const mongoUri = withDatabase(database.uri, uniqueDatabaseName(label));
  const server = await spawnBuiltServer(
    mongoUri,
    { ...leverEnv(leverUrl, client), ...env },
    port,
    nodeArgs,
  );
  const db = await mongoose.createConnection(mongoUri).asPromise();
  const admin = await signUpRemotely(server.url);
  const outcome = await connectLeverRemotely(admin);
  if (outcome !== 'connected') throw new Error(`connecting Lever ended with "${outcome}"`);
  const webhook = [...lever.state.webhooks.values()].find((w) => w.event === 'applicationCreated');
  if (!webhook) throw new Error('connecting Lever created no applicationCreated webhook');
  return {
    lever,
    server,
    admin,
    webhook: { url: webhook.url, signatureToken: webhook.signatureToken },
    db,
    async stop() {
      await server.stop();
      await lever.close();
      await db.dropDatabase();
      await db.close();
    },
  };
}
