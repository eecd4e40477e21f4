import type { CellParser } from './cell-parsers.ts';

/** The header, in order: each column's name (as the file must spell it) and its cells' parser. */
export type CsvColumns = Record<string, CellParser>;

/** A parsed row: one property per column, typed by that column's parser. */
export type CsvRow<C extends CsvColumns> = {
  [K in keyof C]: C[K] extends CellParser<infer T> ? T : never;
};

/** Something wrong in the file. `column` is a header name; absent when the whole line is wrong. */
export interface CsvIssue {
  /** Line of the file, the header being line 1. */
  line: number;
  column?: string;
  message: string;
}

/** A valid row, where it came from, and its key (see `CsvImportDefinition.key`). */
export interface CsvRecord<R> {
  line: number;
  key: string;
  row: R;
}

/**
 * A check between rows, run in memory while the file streams: `see` gets every row that passed
 * its own checks, in file order, and keeps only a compact summary of it (a key, two day numbers and
 * a line: not the row); `issues` then reports, once the last row was seen.
 */
export interface CrossRowCheck<R> {
  see(record: CsvRecord<R>): void;
  issues(): Iterable<CsvIssue>;
}

export interface CsvImportDefinition<C extends CsvColumns> {
  /** Names the import in the staging collection and logs, e.g. `payroll`. */
  name: string;
  columns: C;
  /**
   * The columns that identify a row: two rows of one file with the same values there are an error,
   * and `apply` writes each row under its `key` (those values joined), so that uploading the same
   * file twice changes nothing the second time.
   */
  key: ReadonlyArray<keyof C & string>;
  /** Checks between the cells of one row (an end before its start); runs once every cell parsed. */
  checkRow?(row: CsvRow<C>): Array<{ column: keyof C & string; message: string }> | undefined;
  /** Checks between rows (overlapping periods…): a fresh set per upload. */
  crossRowChecks?(): Array<CrossRowCheck<CsvRow<C>>>;
  /** Most data rows a file may have (default 100,000). */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS = 100_000;

/**
 * Joins a row's key values. The separator is a control character, which no parsed text cell can
 * hold (`csvText` refuses them), so two different rows never share a key.
 */
export const KEY_SEPARATOR = '\u001f';

export function rowKey<C extends CsvColumns>(
  definition: CsvImportDefinition<C>,
  row: CsvRow<C>,
): string {
  return definition.key.map((column) => String(row[column] ?? '')).join(KEY_SEPARATOR);
}

/** Declares an import (checked once, when the module loads). */
export function defineCsvImport<C extends CsvColumns>(
  definition: CsvImportDefinition<C>,
): CsvImportDefinition<C> {
  const names = Object.keys(definition.columns);
  if (names.length === 0) throw new Error(`CSV import ${definition.name}: no columns`);
  if (definition.key.length === 0) throw new Error(`CSV import ${definition.name}: no key columns`);
  for (const column of definition.key) {
    if (!names.includes(column))
      throw new Error(`CSV import ${definition.name}: key column ${column} is not a column`);
  }
  return definition;
}
