import { ErrorCode } from '@eligo/shared/errors';
import { AppError } from '../app-error.ts';
import {
  DEFAULT_MAX_ROWS,
  type CsvColumns,
  type CsvImportDefinition,
  type CsvIssue,
} from './csv-definition.ts';
import type { IssueList } from './issue-list.ts';
import type { CsvValidation } from './csv-validator.ts';

const NOTHING = 'nothing was imported';

/** The answer's one sentence for a refused file. */
function summary<C extends CsvColumns>(
  validation: CsvValidation,
  definition: CsvImportDefinition<C>,
): string {
  const header = Object.keys(definition.columns).join(',');
  const maxRows = (definition.maxRows ?? DEFAULT_MAX_ROWS).toLocaleString('en-US');
  switch (validation.problem) {
    case 'empty':
      return `The file is empty (its first line must be the header ${header}); ${NOTHING}`;
    case 'header':
      return `The first line must be the header ${header}; ${NOTHING}`;
    case 'no-rows':
      return `The file has a header but no rows; ${NOTHING}`;
    case 'too-many-rows':
      return `The file has more than ${maxRows} rows (split it into smaller files); ${NOTHING}`;
    default: {
      const rows = validation.issues.rowsWithErrors;
      return `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row has errors' : 'rows have errors'}; ${NOTHING}`;
    }
  }
}

function toDetail({ line, column, message }: CsvIssue) {
  return {
    path: column === undefined ? `/body/${line}` : `/body/${line}/${column}`,
    line,
    ...(column === undefined ? {} : { column }),
    message,
  };
}

/**
 * `400 CSV_INVALID`: one sentence, then the errors by line and column (the first
 * `MAX_LISTED_ISSUES`, with `totalDetails` when there were more).
 */
export function csvInvalid<C extends CsvColumns>(
  validation: CsvValidation,
  definition: CsvImportDefinition<C>,
): AppError {
  const listed = validation.issues.listed();
  const total = validation.issues.total;
  return new AppError(ErrorCode.CsvInvalid, summary(validation, definition), {
    details: listed.map(toDetail),
    ...(total > listed.length ? { totalDetails: total } : {}),
  });
}

/**
 * `400 CSV_INVALID` for errors an import's `apply` found by checking rows against stored data
 * (e.g. a start date before the hire date already recorded), before it wrote anything. Count each
 * row with errors in `issues.rowsWithOwnErrors`.
 */
export function csvApplyInvalid<C extends CsvColumns>(
  issues: IssueList,
  rows: number,
  definition: CsvImportDefinition<C>,
): AppError {
  return csvInvalid({ rows, issues }, definition);
}
