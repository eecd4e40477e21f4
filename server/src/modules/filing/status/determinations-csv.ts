import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import {
  DETERMINATIONS_CSV_HEADER,
  DETERMINATION_STATES,
  FILING_STATE_FIELDS,
  NOT_SUBMITTED,
  checkFilingTransition,
  todayIn,
  type DeterminationsCsvColumn,
} from '@eligo/shared/filing';
import type { DeterminationsImportResult } from '@eligo/shared/schemas/filing-documents';
import type { SetFilingStatusBody } from '@eligo/shared/schemas/filing';
import { DOL_CODES } from '@eligo/shared/wotc';
import {
  IssueList,
  csvApplyInvalid,
  csvDate,
  csvOneOf,
  csvText,
  defineCsvImport,
  optional,
  type CellParser,
  type CsvApplyContext,
  type CsvRecord,
  type CsvRow,
} from '../../../lib/csv-import/index.ts';
import {
  employeeCell,
  isRecorded,
  recordFilingStatus,
  resolveEmployees,
  rowApplicant,
  type Actor,
} from '../../applicants/index.ts';

/**
 * The state's determinations as CSV (docs/filing.md §5, file rules in docs/csv-imports.md): one row
 * per hire, checked as a whole against what is recorded (the same moves and fields as recording
 * one by hand) before anything is written.
 */

const columns = {
  employee: employeeCell,
  status: csvOneOf(DETERMINATION_STATES),
  on: csvDate(),
  target_group: optional(csvOneOf(DOL_CODES)),
  certification_number: optional(csvText({ maxLength: 100 })),
  reason: optional(csvText({ maxLength: 500 })),
} satisfies Record<DeterminationsCsvColumn, CellParser>;
type DeterminationsRow = CsvRow<typeof columns>;

/** The body field of each value column (the body `POST …/filing` takes). */
const FIELD_OF_COLUMN = {
  target_group: 'targetGroup',
  certification_number: 'certificationNumber',
  reason: 'reason',
} as const;
const COLUMN_OF_PATH: Record<string, DeterminationsCsvColumn> = {
  '/body/status': 'status',
  '/body/on': 'on',
  '/body/targetGroup': 'target_group',
  '/body/certificationNumber': 'certification_number',
  '/body/reason': 'reason',
};

function bodyOf(row: DeterminationsRow): SetFilingStatusBody {
  return {
    status: row.status,
    on: row.on,
    ...(row.target_group ? { targetGroup: row.target_group } : {}),
    ...(row.certification_number ? { certificationNumber: row.certification_number } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

export const determinationsImport = defineCsvImport({
  name: 'determinations',
  columns,
  key: ['employee'],
  checkRow(row) {
    const { required, optional: allowed } = FILING_STATE_FIELDS[row.status];
    const issues: Array<{ column: DeterminationsCsvColumn; message: string }> = [];
    for (const [column, field] of Object.entries(FIELD_OF_COLUMN) as Array<
      [keyof typeof FIELD_OF_COLUMN, (typeof FIELD_OF_COLUMN)[keyof typeof FIELD_OF_COLUMN]]
    >) {
      const filled = row[column] !== null;
      if (required.includes(field) && !filled) {
        issues.push({ column, message: `Required when the status is ${row.status}` });
      } else if (filled && !required.includes(field) && !allowed.includes(field)) {
        issues.push({
          column,
          message: `Only for another status: leave it empty for ${row.status}`,
        });
      }
    }
    if (row.reason !== null && row.reason.length < 3) {
      issues.push({ column: 'reason', message: 'Too short: say why in a few words' });
    }
    return issues.length > 0 ? issues : undefined;
  },
});

if (Object.keys(columns).join(',') !== DETERMINATIONS_CSV_HEADER.join(',')) {
  throw new Error('determinations CSV: the columns are not DETERMINATIONS_CSV_HEADER');
}

type Batches = AsyncIterable<Array<CsvRecord<DeterminationsRow>>>;

export interface DeterminationsContext extends CsvApplyContext {
  organizationId: Types.ObjectId;
  actor: Actor;
  timeZone: string;
}

/**
 * Pass 1, writing nothing: every row against its hire as recorded (no determination for what was
 * never submitted, dates not before the start nor after today, nothing after a certification).
 * Any error refuses the file. Returns the counts and, per line, whether the row changes anything.
 */
async function checkFile(app: FastifyInstance, batches: Batches, context: DeterminationsContext) {
  const issues = new IssueList();
  const firstLineOf = new Map<string, number>();
  const today = todayIn(context.timeZone, app.clock.now());
  const result: Omit<DeterminationsImportResult, 'dryRun' | 'rows'> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    unknown: 0,
    unknownEmployees: [],
  };
  for await (const batch of batches) {
    const resolved = await resolveEmployees(app, context.organizationId, batch);
    for (const { line, row } of batch) {
      const found = resolved.get(line)!;
      const applicant = rowApplicant(found, { line, row }, firstLineOf, issues, result);
      if (!applicant) continue;
      const current = applicant.filing?.status ?? NOT_SUBMITTED;
      const body = bodyOf(row);
      if (isRecorded(current, body)) {
        result.unchanged += 1;
        continue;
      }
      const check = checkFilingTransition(current, body, applicant.hire?.startedOn ?? null, today);
      if (!check.ok) {
        for (const problem of check.problems) {
          const column = COLUMN_OF_PATH[problem.path] ?? 'employee';
          const message =
            problem.path === '/hire/startedOn'
              ? 'No start date is confirmed for this hire'
              : `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}`;
          issues.add({ line, column, message });
        }
        issues.rowsWithOwnErrors += 1;
      } else if (current.determination) result.updated += 1;
      else result.created += 1;
    }
  }
  if (issues.total > 0) throw csvApplyInvalid(issues, context.rows, determinationsImport);
  return result;
}

/** Applies a valid determinations file (a row written since pass 1 by someone else: re-checked). */
export async function applyDeterminationsCsv(
  app: FastifyInstance,
  batches: Batches,
  context: DeterminationsContext,
): Promise<DeterminationsImportResult> {
  const checked = await checkFile(app, batches, context);
  const { dryRun, rows } = context;
  if (dryRun) return { dryRun, rows, ...checked };
  for await (const batch of batches) {
    const resolved = await resolveEmployees(app, context.organizationId, batch);
    for (const { line, row } of batch) {
      const applicant = resolved.get(line)!.applicant;
      if (!applicant) continue;
      await recordFilingStatus(app, applicant, bodyOf(row), {
        actor: context.actor,
        timeZone: context.timeZone,
      });
    }
  }
  return { dryRun, rows, ...checked };
}
