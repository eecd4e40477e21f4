import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import type { PayrollImportResult } from '@eligo/shared/schemas/credits';
import {
  IssueList,
  MAX_LISTED_ISSUES,
  csvApplyInvalid,
  noOverlappingPeriods,
  type CsvApplyContext,
  type CsvRecord,
} from '../../lib/csv-import/index.ts';
import { isDuplicateKeyError, revisions } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { resolveEmployees, type Applicant } from '../applicants/index.ts';
import { isCertified } from './certified-hires.ts';
import { payrollImport, type PayrollCsvRow } from './payroll-csv.definition.ts';
import { payrollPeriodId, payrollPeriodModel, type PayrollPeriod } from './payroll-period.model.ts';

type Batches = AsyncIterable<Array<CsvRecord<PayrollCsvRow>>>;

export interface PayrollImportContext extends CsvApplyContext {
  organizationId: Types.ObjectId;
}

const cents = (dollars: number) => Math.round(dollars * 100);
const hundredths = (hours: number) => Math.round(hours * 100);

type Stored = Pick<
  PayrollPeriod,
  'applicantId' | 'periodStart' | 'periodEnd' | 'cents' | 'hundredthsOfHours'
>;

/** The stored periods of the people a batch names, by applicant id. */
async function storedPeriods(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  applicantIds: Types.ObjectId[],
): Promise<Map<string, Stored[]>> {
  const rows = await scoped(payrollPeriodModel(app.mongo), organizationId)
    .find(
      { applicantId: { $in: applicantIds } },
      { applicantId: 1, periodStart: 1, periodEnd: 1, cents: 1, hundredthsOfHours: 1 },
    )
    .lean<Stored[]>();
  const byApplicant = new Map<string, Stored[]>();
  for (const row of rows) {
    const id = row.applicantId.toHexString();
    const list = byApplicant.get(id);
    if (list) list.push(row);
    else byApplicant.set(id, [row]);
  }
  return byApplicant;
}

interface Resolution {
  applicant: Applicant;
  row: PayrollCsvRow;
  line: number;
  same: Stored | undefined;
}

/** A batch's people, and for each row the stored period it replaces (same dates), if any. */
async function resolveBatch(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  batch: Array<CsvRecord<PayrollCsvRow>>,
  issues: IssueList | null,
) {
  const resolved = await resolveEmployees(app, organizationId, batch);
  const ids = [...resolved.values()].flatMap((r) => (r.applicant ? [r.applicant._id] : []));
  const stored = await storedPeriods(app, organizationId, ids);
  const rows: Resolution[] = [];
  for (const { line, row } of batch) {
    const found = resolved.get(line)!;
    if (!found.applicant) {
      issues?.add({
        line,
        column: 'employee',
        message:
          found.reason === 'ambiguous'
            ? 'Several applicants have this email: use the Lever opportunity id'
            : 'No applicant has this Lever opportunity id or email',
      });
      if (issues) issues.rowsWithOwnErrors += 1;
      continue;
    }
    const theirs = stored.get(found.applicant._id.toHexString()) ?? [];
    const same = theirs.find(
      (s) => s.periodStart === row.period_start && s.periodEnd === row.period_end,
    );
    const overlapping = theirs.find(
      (s) => s !== same && s.periodStart <= row.period_end && row.period_start <= s.periodEnd,
    );
    if (overlapping && issues) {
      issues.add({
        line,
        column: 'period_start',
        message: `Overlaps the period ${overlapping.periodStart} to ${overlapping.periodEnd} already imported for this person; upload that period with the same dates to replace it`,
      });
      issues.rowsWithOwnErrors += 1;
      continue;
    }
    rows.push({ applicant: found.applicant, row, line, same });
  }
  return rows;
}

const unchanged = ({ row, same }: Resolution) =>
  same !== undefined &&
  same.cents === cents(row.wages) &&
  same.hundredthsOfHours === hundredths(row.hours);

/**
 * Pass 1, writing nothing: every person must be known (an unknown one is an error on that cell),
 * no period may overlap a stored one with other dates, nor one of the same person named otherwise
 * in the file (by email here, by opportunity id there). Counts what pass 2 will do.
 */
async function checkFile(app: FastifyInstance, batches: Batches, context: PayrollImportContext) {
  const issues = new IssueList();
  const samePerson = noOverlappingPeriods<{
    person: string;
    period_start: string;
    period_end: string;
  }>({
    group: 'person',
    start: 'period_start',
    end: 'period_end',
    groupLabel: 'the same person (named otherwise)',
  });
  const notCertifiedSeen = new Set<string>();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const notCertifiedEmployees: PayrollImportResult['notCertifiedEmployees'] = [];
  for await (const batch of batches) {
    for (const resolution of await resolveBatch(app, context.organizationId, batch, issues)) {
      const { applicant, row, line } = resolution;
      const id = applicant._id.toHexString();
      samePerson.see({ line, key: '', row: { person: id, ...row } });
      if (!resolution.same) counts.created += 1;
      else if (unchanged(resolution)) counts.unchanged += 1;
      else counts.updated += 1;
      if (!isCertified(applicant) && !notCertifiedSeen.has(id)) {
        notCertifiedSeen.add(id);
        if (notCertifiedEmployees.length < MAX_LISTED_ISSUES) {
          notCertifiedEmployees.push({ line, employee: row.employee, applicantId: id });
        }
      }
    }
  }
  for (const issue of samePerson.issues()) issues.addCrossRow(issue);
  if (issues.total > 0) throw csvApplyInvalid(issues, context.rows, payrollImport);
  return { ...counts, notCertified: notCertifiedSeen.size, notCertifiedEmployees };
}

/** The upsert of one row, keyed on (person, period): replaces the stored period or creates it. */
function upsertOf({ applicant, row }: Resolution, now: Date) {
  return {
    updateOne: {
      filter: { _id: payrollPeriodId(applicant._id, row.period_start, row.period_end) },
      update: {
        $set: { hundredthsOfHours: hundredths(row.hours), cents: cents(row.wages), updatedAt: now },
        $setOnInsert: {
          organizationId: applicant.organizationId,
          applicantId: applicant._id,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          createdAt: now,
        },
      },
      upsert: true,
    },
  };
}

/**
 * Pass 2, per batch: periods not stored are inserted (a plain insert is several times cheaper than
 * an upsert on FerretDB 2; `test/bench/credits.bench.ts`), changed ones upserted. A period another
 * upload created in the meantime refuses its insert on the primary key: those rows are upserted.
 */
async function writeFile(app: FastifyInstance, batches: Batches, context: PayrollImportContext) {
  const Periods = payrollPeriodModel(app.mongo);
  const { organizationId } = context;
  for await (const batch of batches) {
    const now = app.clock.now();
    const rows = (await resolveBatch(app, organizationId, batch, null)).filter(
      (resolution) => !unchanged(resolution),
    );
    const created = rows.filter((resolution) => resolution.same === undefined);
    const replaced = rows.filter((resolution) => resolution.same !== undefined);
    if (created.length > 0) {
      try {
        const docs: PayrollPeriod[] = created.map(({ applicant, row }) => ({
          _id: payrollPeriodId(applicant._id, row.period_start, row.period_end),
          organizationId,
          applicantId: applicant._id,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          hundredthsOfHours: hundredths(row.hours),
          cents: cents(row.wages),
          createdAt: now,
          updatedAt: now,
        }));
        // The driver's types want ObjectId ids; ours are strings by design (the model).
        await Periods.collection.insertMany(docs as never[], { ordered: false });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const lost = new Set(duplicateIndexes(error));
        replaced.push(...created.filter((_, index) => lost.has(index)));
      }
    }
    if (replaced.length > 0) {
      await Periods.bulkWrite(
        replaced.map((resolution) => upsertOf(resolution, now)),
        { ordered: false },
      );
    }
    if (rows.length > 0) await revisions(app.mongo).bump('payroll', organizationId);
  }
}

/** The positions of an unordered insertMany's writes that a unique index refused. */
function duplicateIndexes(error: unknown): number[] {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.map((w) => (w as { index: number }).index);
}

/** Applies a valid payroll file: all of it, or nothing when a row contradicts what is stored. */
export async function applyPayrollCsv(
  app: FastifyInstance,
  batches: Batches,
  context: PayrollImportContext,
): Promise<PayrollImportResult> {
  const checked = await checkFile(app, batches, context);
  if (!context.dryRun) await writeFile(app, batches, context);
  return { dryRun: context.dryRun, rows: context.rows, ...checked };
}
