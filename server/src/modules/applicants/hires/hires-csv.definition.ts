import {
  EMPLOYER_STATE_CODES,
  HIRES_CSV_FIELDS,
  HIRES_CSV_HEADER,
  hireDateProblems,
  type HireField,
  type HireInput,
  type HiresCsvColumn,
} from '@eligo/shared/filing';
import { LINE_MAX } from '@eligo/shared/wotc/answer-checks';
import { normalizeEmail } from '../../../lib/email.ts';
import {
  csvDate,
  csvMoney,
  csvOneOf,
  csvText,
  defineCsvImport,
  optional,
  type CellParser,
  type CsvRow,
} from '../../../lib/csv-import/index.ts';

/**
 * The hires CSV (docs/filing.md §2, docs/csv-imports.md): who (`employee`: the Lever opportunity id
 * or the email), then the hire's values, each optional (an empty cell keeps what is stored).
 */

const employeeText = csvText({ maxLength: 254 });

/**
 * Who a row is about: an email, compared normalized (so `Ana@x.com` twice is a repeat), or a Lever
 * opportunity id as is (`resolveEmployees` finds the applicant). The determinations CSV uses it too.
 */
export const employeeCell: CellParser<string> = (cell) => {
  const parsed = employeeText(cell);
  if (!parsed.ok || !parsed.value.includes('@')) return parsed;
  return { ok: true, value: normalizeEmail(parsed.value) };
};

const columns = {
  employee: employeeCell,
  offered_on: optional(csvDate()),
  hired_on: optional(csvDate()),
  started_on: optional(csvDate()),
  position: optional(csvText({ maxLength: LINE_MAX })),
  starting_wage: optional(csvMoney({ max: 10_000_000 })),
  state: optional(csvOneOf(EMPLOYER_STATE_CODES)),
} satisfies Record<HiresCsvColumn, CellParser>;
export type HiresCsvRow = CsvRow<typeof columns>;

/** The column a hire field comes from (to put an error where the person will look). */
export const COLUMN_OF_FIELD = Object.fromEntries(
  Object.entries(HIRES_CSV_FIELDS).map(([column, field]) => [field, column]),
) as Partial<Record<HireField, HiresCsvColumn>>;

/** The row's values as a hire input: filled cells only (an empty one keeps what is stored). */
export function hireInputOf(row: HiresCsvRow): HireInput {
  const input: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(HIRES_CSV_FIELDS)) {
    const value = row[column as keyof typeof HIRES_CSV_FIELDS];
    if (value !== null) input[field] = value;
  }
  return input as HireInput;
}

export const hiresImport = defineCsvImport({
  name: 'hires',
  columns,
  key: ['employee'],
  checkRow(row) {
    if (Object.keys(hireInputOf(row)).length === 0) {
      return [
        {
          column: 'employee',
          message:
            'Nothing to record for this person: fill a date, the position, the wage or the state',
        },
      ];
    }
    const problems = hireDateProblems(hireInputOf(row));
    return problems.length > 0
      ? problems.map((p) => ({
          column: COLUMN_OF_FIELD[p.field] ?? 'employee',
          message: p.message,
        }))
      : undefined;
  },
});

// The header is the shared one (the web's template and the docs use it too), in its order.
if (Object.keys(columns).join(',') !== HIRES_CSV_HEADER.join(',')) {
  throw new Error('hires CSV: the columns are not HIRES_CSV_HEADER');
}
