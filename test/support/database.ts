import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { ensureFerretDbBinary, startFerretDb } from '@eligo/server/dev/ferretdb';
import { cacheDir } from '@eligo/server/dev/paths';

export interface TestDatabaseServer {
  /** Connection string without a database name. */
  uri: string;
  /** What the run talks to, for the test output, e.g. "FerretDB v1.24.2 (SQLite)". */
  description: string;
  isFerretDb: boolean;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

async function describeServer(uri: string): Promise<{ description: string; isFerretDb: boolean }> {
  const connection = await mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    const info = (await connection.db!.admin().command({ buildInfo: 1 })) as {
      version: string;
      ferretdbVersion?: string;
    };
    return info.ferretdbVersion
      ? {
          description: `FerretDB ${info.ferretdbVersion} (MongoDB ${info.version} wire protocol)`,
          isFerretDb: true,
        }
      : { description: `MongoDB ${info.version}`, isFerretDb: false };
  } finally {
    await connection.close();
  }
}

async function tryTestcontainers(log: Log): Promise<TestDatabaseServer | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    log('no Docker engine answers; testcontainers is not an option here');
    return undefined;
  }
  try {
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const container = await new MongoDBContainer('mongo:8.0').start();
    const uri = `${container.getConnectionString()}/?directConnection=true`;
    return {
      uri,
      description: '',
      isFerretDb: false,
      stop: async () => void (await container.stop()),
    };
  } catch (error) {
    log(`testcontainers could not start MongoDB (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

/**
 * The database server for one test run: MONGODB_URI if set; otherwise a MongoDB container when a
 * Docker engine answers and the image can be had; otherwise FerretDB, built once and cached.
 */
export async function startTestDatabaseServer(log: Log): Promise<TestDatabaseServer> {
  let server: Omit<TestDatabaseServer, 'description' | 'isFerretDb'>;
  let source: string;
  if (process.env.MONGODB_URI) {
    server = { uri: process.env.MONGODB_URI, stop: async () => {} };
    source = 'MONGODB_URI';
  } else {
    const container = await tryTestcontainers(log);
    if (container) {
      server = container;
      source = 'testcontainers';
    } else {
      const binary = await ensureFerretDbBinary(cacheDir, log);
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-test-ferretdb-'));
      server = await startFerretDb({ binary, dataDir });
      source = 'embedded FerretDB';
    }
  }
  const { description, isFerretDb } = await describeServer(server.uri);
  return { ...server, description: `${description} via ${source}`, isFerretDb };
}
