import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import type { TestClock } from '../support/clock.ts';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';

/** `1.52 1.40 1.33`: the load average as the reports print it beside their figures. */
export const loadAverage = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

/** The `p`-th percentile of sorted values (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Wall times per named query, and their p50/p95 table against a target. */
export class Timings {
  private readonly byKey = new Map<string, number[]>();

  async timed(key: string, work: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    await work();
    const list = this.byKey.get(key) ?? [];
    list.push(performance.now() - started);
    this.byKey.set(key, list);
  }

  table(targetMs: number): string[] {
    const lines = [
      `query                                   runs      p50 ms      p95 ms  p95 < ${targetMs} ms`,
    ];
    for (const [key, list] of this.byKey) {
      const sorted = [...list].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      lines.push(
        `${key.padEnd(38)} ${String(list.length).padStart(5)} ${percentile(sorted, 50).toFixed(1).padStart(11)} ${p95.toFixed(1).padStart(11)}  ${p95 < targetMs ? 'PASS' : 'MISS'}`,
      );
    }
    return lines;
  }
}

/**
 * The tests' database server (`MONGODB_URI`, else one started here) and the app in this process on
 * a database of its own, on `clock`, without reminders: what the query benches measure.
 */
export async function startBenchApp(
  name: string,
  clock: TestClock,
): Promise<{ app: FastifyInstance; server: TestDatabaseServer }> {
  const server = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MONGODB_URI: withDatabase(server.uri, uniqueDatabaseName(name)),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SURVEY_REMINDER_HOURS: 'off',
    }),
    { clock },
  );
  return { app, server };
}
