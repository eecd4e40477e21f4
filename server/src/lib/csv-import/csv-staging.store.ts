import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import {
  rowKey,
  type CsvColumns,
  type CsvImportDefinition,
  type CsvRecord,
  type CsvRow,
} from './csv-definition.ts';
import type { CsvValue } from './cell-parsers.ts';
import { STAGING_TTL_MS, stagedChunkModel } from './staged-chunk.model.ts';

/** Chunks read from the database at a time (each holds up to 1,000 rows). */
const READ_AHEAD_CHUNKS = 2;

export interface CsvStaging<R> {
  readonly importId: string;
  /** Stores one batch of validated rows (in file order, batch after batch). */
  write(records: Array<CsvRecord<R>>): Promise<void>;
  /** The staged rows, batch by batch in file order, each row with its line and key. */
  read(): AsyncIterable<Array<CsvRecord<R>>>;
  /** Deletes the upload's rows. */
  discard(): Promise<void>;
}

/** The staging area of one upload: its validated rows, kept in the database, not in memory. */
export function csvStaging<C extends CsvColumns>(
  connection: Connection,
  definition: CsvImportDefinition<C>,
): CsvStaging<CsvRow<C>> {
  const chunks = stagedChunkModel(connection).collection;
  const importId = randomUUID();
  const columns = Object.keys(definition.columns);
  let seq = 0;

  function toRecord(values: CsvValue[]): CsvRecord<CsvRow<C>> {
    const row: Record<string, CsvValue> = {};
    columns.forEach((column, index) => {
      row[column] = values[index + 1] ?? null;
    });
    const parsed = row as CsvRow<C>;
    return { line: Number(values[0]), key: rowKey(definition, parsed), row: parsed };
  }

  return {
    importId,
    async write(records) {
      await chunks.insertOne({
        importId,
        kind: definition.name,
        seq: seq++,
        rows: records.map(({ line, row }) => [line, ...columns.map((column) => row[column])]),
        expiresAt: new Date(Date.now() + STAGING_TTL_MS),
      });
    },
    async *read() {
      const cursor = chunks
        .find({ importId }, { projection: { rows: 1 } })
        .sort({ seq: 1 })
        .batchSize(READ_AHEAD_CHUNKS);
      for await (const chunk of cursor) yield (chunk.rows as CsvValue[][]).map(toRecord);
    },
    async discard() {
      await chunks.deleteMany({ importId });
    },
  };
}
