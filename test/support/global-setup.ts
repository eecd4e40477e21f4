import type { TestProject } from 'vitest/node';
import { startTestDatabaseServer, type DatabaseEngine } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    databaseEngine: DatabaseEngine;
  }
}

/** Starts one database server for the whole run and tells every test file where it is. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestDatabaseServer((message) =>
    console.log(`[test database] ${message}`),
  );
  console.log(
    `\n[test database] integration and end-to-end tests run against ${server.description}\n`,
  );
  project.provide('mongoUri', server.uri);
  project.provide('databaseEngine', server.engine);
  return () => server.stop();
}
