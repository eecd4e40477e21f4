import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { validateCsv } from './csv-validator.ts';
import { HEADER, testPayroll } from './test-payroll.fixture.ts';

// A garbage collection on demand, so that what is measured is what stays reachable, not garbage
// the collector has not got to yet.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const ROWS = 50_000;
const NOTE = 'n'.repeat(250);

/** ~16 MB of CSV, produced as it is read (the file itself is never in memory either). */
function* payrollFile() {
  yield `${HEADER}\r\n`;
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const month = String((Math.floor(i / 5_000) % 12) + 1).padStart(2, '0');
    chunk += `emp${i % 5_000}@example.com,2026-${month}-01,2026-${month}-14,40.5,"1,234.50",${NOTE}\r\n`;
    if (chunk.length > 64 * 1024) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  yield Buffer.from(chunk);
}

/** What stays reachable while the rows go by, sampled after a collection every 10,000 rows. */
async function retainedGrowth(keepRows: boolean) {
  const kept: unknown[] = [];
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let rows = 0;
  const validation = await validateCsv(Readable.from(payrollFile()), testPayroll, {
    onBatch: async (records) => {
      if (keepRows) kept.push(records);
      rows += records.length;
      if (rows % 10_000 === 0) {
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    },
  });
  return { growthMb: (peak - before) / 1e6, rows, errors: validation.issues.total, kept };
}

test(`${ROWS.toLocaleString('en-US')} rows stream through with bounded memory`, async () => {
  const streamed = await retainedGrowth(false);
  expect(streamed.errors).toBe(0);
  expect(streamed.rows).toBe(ROWS);
  // What stays is the cross-row summaries (a key and three numbers per row): ~9 MB here. Keeping
  // the rows themselves, as the control run below does, holds ~35 MB.
  expect(streamed.growthMb).toBeLessThan(18);

  const holding = await retainedGrowth(true);
  expect(holding.growthMb).toBeGreaterThan(streamed.growthMb + 15);
}, 120_000);
