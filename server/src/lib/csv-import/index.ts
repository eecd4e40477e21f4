/*
 * CSV imports (README.md in this folder): what a module uses to declare one and register its route.
 */
export {
  csvDate,
  csvHours,
  csvMoney,
  csvOneOf,
  csvText,
  optional,
  type CellParser,
  type CellResult,
  type CsvValue,
} from './cell-parsers.ts';
export {
  defineCsvImport,
  rowKey,
  type CrossRowCheck,
  type CsvColumns,
  type CsvImportDefinition,
  type CsvIssue,
  type CsvRecord,
  type CsvRow,
} from './csv-definition.ts';
export { noOverlappingPeriods, noRepeatedKeys } from './cross-row-checks.ts';
export { registerCsvImportRoute, type CsvImportRouteOptions } from './csv-import.route.ts';
export { runCsvImport, type CsvApply, type CsvApplyContext } from './csv-import.runner.ts';
export { DEFAULT_CSV_BODY_LIMIT, acceptCsvBodies, csvBody } from './csv-upload.ts';
export { IssueList, MAX_LISTED_ISSUES } from './issue-list.ts';
export { csvApplyInvalid } from './csv-invalid.ts';
