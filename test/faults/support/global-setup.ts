import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import databaseSetup from '../../support/global-setup.ts';
import type { ScenarioRow } from './outcomes.ts';
import { faultSettings } from './settings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    faultsResultsDir: string;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The table of every scenario's outcome, printed once the suite has run (pass or fail). */
export function formatTable(rows: ScenarioRow[]): string {
  const header = ['scenario', 'expected', 'sent', 'correct', 'lost', 'duplicated', 'recovery'];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.expected),
    String(r.sent),
    String(r.correct),
    String(r.lost),
    String(r.duplicated),
    seconds(r.recoveryMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.scenario}: ${r.note}`);
  return [
    format(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(format),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

/** The run's database server (as the other suites) and a folder where scenarios leave their row. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stopDatabase = await databaseSetup(project);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eligo-faults-'));
  project.provide('faultsResultsDir', dir);
  console.log(
    `[faults] outages of ${seconds(faultSettings.outageMs)}, ${faultSettings.applications} ` +
      `applications per scenario, retries at most ${faultSettings.maxBackoffSeconds} s apart ` +
      '(FAULTS_OUTAGE_SECONDS, FAULTS_APPLICATIONS, FAULTS_MAX_BACKOFF_SECONDS)',
  );
  return async () => {
    const text = await readFile(path.join(dir, 'rows.jsonl'), 'utf8').catch(() => '');
    const rows = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ScenarioRow);
    console.log(`\n[faults] exactly-once outcomes\n${formatTable(rows)}\n`);
    await rm(dir, { recursive: true, force: true });
    await stopDatabase();
  };
}
