import { Type, type Static } from 'typebox';

/**
 * The conventions every CSV import endpoint follows (hires, determinations, payroll): the body is
 * the file (`Content-Type: text/csv`), `?dryRun=true` validates it and reports what would change
 * without writing anything, and the answer counts the rows by what happened to them. A file with
 * any error is refused as a whole: `400 CSV_INVALID` with the errors by line and column.
 */
export const csvImportQuerySchema = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Validate the file and report what would change, writing nothing',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CsvImportQuery = Static<typeof csvImportQuerySchema>;

/**
 * What an import did (or, on a dry run, would do). An import's own answer spreads these
 * properties into its schema and adds what it reports besides (e.g. people Eligo does not know).
 */
export const csvImportResultSchema = Type.Object({
  /** True when nothing was written (`?dryRun=true`). */
  dryRun: Type.Boolean(),
  /** Data rows in the file (the header not counted). */
  rows: Type.Integer({ minimum: 0 }),
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  /** Rows already stored exactly so: uploading the same file again changes nothing. */
  unchanged: Type.Integer({ minimum: 0 }),
});
export type CsvImportResult = Static<typeof csvImportResultSchema>;
