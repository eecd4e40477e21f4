import type { Readable } from 'node:stream';
import type { Connection } from 'mongoose';
import type { CsvColumns, CsvImportDefinition, CsvRecord, CsvRow } from './csv-definition.ts';
import { csvInvalid } from './csv-invalid.ts';
import { csvStaging } from './csv-staging.store.ts';
import { validateCsv } from './csv-validator.ts';

export interface CsvApplyContext {
  /** `?dryRun=true`: work out what would change and write nothing. */
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  /** The upload's id (in the staging collection; handy in logs). */
  importId: string;
}

/**
 * Applies a valid file: reads the rows batch by batch (file order, each with its line and key) and
 * writes them — or, on a dry run, only counts what would change. It must be idempotent: write each
 * row under its key (an upsert, `$set` of the row's values), so the same file twice changes nothing.
 * `batches` may be iterated more than once (each pass reads the staged rows again): an import that
 * checks rows against stored data does a first pass that only checks (and throws `csvApplyInvalid`
 * with what it found, writing nothing), then a second that writes.
 */
export type CsvApply<R, T> = (
  batches: AsyncIterable<Array<CsvRecord<R>>>,
  context: CsvApplyContext,
) => Promise<T>;

/**
 * One upload, all or nothing: the file is validated as a whole while its valid rows go to the
 * staging collection (never all in memory); any error → the staged rows are deleted and the file
 * refused (`400 CSV_INVALID`, every error by line and column), nothing applied; a clean file →
 * `apply` reads the staged rows back, then they are deleted. Errors of the upload itself (too large,
 * interrupted) leave the same way, with nothing applied.
 */
export async function runCsvImport<C extends CsvColumns, T>(
  connection: Connection,
  definition: CsvImportDefinition<C>,
  source: Readable,
  { dryRun, apply }: { dryRun: boolean; apply: CsvApply<CsvRow<C>, T> },
): Promise<T> {
  const staging = csvStaging(connection, definition);
  try {
    const validation = await validateCsv(source, definition, {
      onBatch: (records) => staging.write(records),
    });
    if (validation.problem || validation.issues.total > 0) throw csvInvalid(validation, definition);
    const batches = { [Symbol.asyncIterator]: () => staging.read()[Symbol.asyncIterator]() };
    return await apply(batches, {
      dryRun,
      rows: validation.rows,
      importId: staging.importId,
    });
  } finally {
    // If this delete fails too (the database went away), the TTL index removes the rows later.
    await staging.discard().catch(() => undefined);
  }
}
