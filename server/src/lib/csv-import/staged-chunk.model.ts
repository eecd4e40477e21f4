import { Schema, type Types } from 'mongoose';
import { modelOn } from '../model.ts';
import type { CsvValue } from './cell-parsers.ts';

/** How long staged rows outlive a process that died mid-import (the TTL index removes them). */
export const STAGING_TTL_MS = 60 * 60_000;

/**
 * Up to a batch (1,000) of an upload's validated rows, waiting for the rest of the file to be
 * checked. One document per batch, not per row: 100,000 rows are 100 inserts of one document each,
 * with two small indexes, instead of 100,000 index entries (README.md in this folder). The runner
 * deletes an upload's chunks when it is done; `expiresAt` (TTL index) removes those of an upload
 * whose process died in between.
 */
export interface StagedChunk {
  _id: Types.ObjectId;
  /** One upload (a random UUID). */
  importId: string;
  /** The import's name (`payroll`), for whoever looks at the collection. */
  kind: string;
  /** Order of the chunk in the file. */
  seq: number;
  /** `[line, ...values in column order]` per row. */
  rows: CsvValue[][];
  expiresAt: Date;
}

const stagedChunkSchema = new Schema<StagedChunk>(
  {
    importId: { type: String, required: true },
    kind: { type: String, required: true },
    seq: { type: Number, required: true },
    rows: { type: Schema.Types.Mixed, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'csv_import_staging' },
);
stagedChunkSchema.index({ importId: 1, seq: 1 });
stagedChunkSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const stagedChunkModel = modelOn<StagedChunk>('CsvStagedChunk', stagedChunkSchema);
