import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { registerCsvImportRoute, type CsvApply } from '@eligo/server/lib/csv-import/index';
import {
  testPayroll,
  type TestPayrollRow,
} from '@eligo/server/lib/csv-import/test-payroll.fixture';
import { registerRoute } from '@eligo/server/lib/route';
import { defineRoute } from '@eligo/shared/route-table';
import {
  csvImportQuerySchema,
  csvImportResultSchema,
  type CsvImportResult,
} from '@eligo/shared/schemas/csv-import';

/*
 * A demonstration of the CSV import mechanism (server/src/lib/csv-import) for
 * integration/csv-import.test.ts, registered only there (createApp's `testRoutes`). The import is
 * the unit tests' payroll-like one (employee, period, hours, wages, an optional note; overlapping
 * periods of one employee refused), applied as upserts by row key into `csv_demo_periods`.
 */
export { HEADER as DEMO_HEADER } from '@eligo/server/lib/csv-import/test-payroll.fixture';
export type DemoRow = TestPayrollRow;

const importRoute = (path: `/api/${string}`) =>
  defineRoute({
    method: 'POST',
    path,
    summary: 'Demonstration CSV import (tests only)',
    access: 'admin',
    query: csvImportQuerySchema,
    response: csvImportResultSchema,
  });
const echoRoute = defineRoute({
  method: 'POST',
  path: '/api/test/json-echo',
  summary: 'A JSON route beside the CSV ones (tests only)',
  access: 'admin',
  body: Type.Object({ name: Type.String() }),
  response: Type.Object({ name: Type.String() }),
});

export interface StoredPeriod extends DemoRow {
  _id: string;
}
/** Staged chunks seen by the last apply (proves the rows came back from the database). */
export let stagedWhileApplying: Array<{ expiresAt: Date; rows: unknown[] }> = [];

/** The idempotent apply a module writes: an upsert per row key, counting what changes. */
const applyDemo =
  (app: FastifyInstance): CsvApply<DemoRow, CsvImportResult> =>
  async (batches, { dryRun, rows, importId }) => {
    const stored = app.mongo.collection<StoredPeriod>('csv_demo_periods');
    stagedWhileApplying = await app.mongo
      .collection<{ expiresAt: Date; rows: unknown[] }>('csv_import_staging')
      .find({ importId })
      .toArray();
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for await (const batch of batches) {
      const before = new Map(
        (await stored.find({ _id: { $in: batch.map((r) => r.key) } }).toArray()).map((d) => [
          d._id,
          d,
        ]),
      );
      const writes = [];
      for (const { key, row } of batch) {
        const old = before.get(key);
        if (old && old.hours === row.hours && old.wages === row.wages) counts.unchanged += 1;
        else {
          counts[old ? 'updated' : 'created'] += 1;
          writes.push({ updateOne: { filter: { _id: key }, update: { $set: row }, upsert: true } });
        }
      }
      if (!dryRun && writes.length > 0) await stored.bulkWrite(writes, { ordered: false });
    }
    return { dryRun, rows, ...counts };
  };

export async function demoRoutes(app: FastifyInstance) {
  const apply = applyDemo(app);
  registerCsvImportRoute(app, importRoute('/api/test/periods/import'), {
    definition: testPayroll,
    bodyLimit: 256 * 1024,
    apply,
  });
  // Same import with the default limit (20 MB).
  registerCsvImportRoute(app, importRoute('/api/test/periods/import-default'), {
    definition: testPayroll,
    apply,
  });
  registerRoute(app, echoRoute, { handler: async (request) => ({ name: request.body.name }) });
}
