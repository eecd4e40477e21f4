import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { ErrorCode } from '@eligo/shared/errors';
import { hireProblems, mergeHire } from '@eligo/shared/filing';
import type { HiresImportResult } from '@eligo/shared/schemas/hires';
import { AppError } from '../../../lib/app-error.ts';
import { revisions } from '../../../lib/db/index.ts';
import {
  IssueList,
  csvApplyInvalid,
  type CsvApplyContext,
  type CsvRecord,
} from '../../../lib/csv-import/index.ts';
import type { Actor } from '../timeline.ts';
import { recordEventsOnce, type OnceEvent } from '../timeline.ts';
import { applicantModel } from '../applicant.model.ts';
import { changeEvent, planHireWrite, writeHire, type HireWrite } from './hire-writer.ts';
import {
  COLUMN_OF_FIELD,
  hireInputOf,
  hiresImport,
  type HiresCsvRow,
} from './hires-csv.definition.ts';
import { resolveEmployees, rowApplicant } from './hires-csv.resolve.ts';
import { toHireDto } from './filing-facts.ts';

type Batches = AsyncIterable<Array<CsvRecord<HiresCsvRow>>>;

export interface HiresImportContext extends CsvApplyContext {
  organizationId: Types.ObjectId;
  actor: Actor;
  timeZone: string;
}

/** The uploader's values for one row: a CSV confirms what it fills, and never clears. */
function csvWrite(row: HiresCsvRow, actor: Actor): HireWrite {
  const input = hireInputOf(row);
  return {
    source: 'csv',
    actor,
    merge(before) {
      const merge = mergeHire(before, input, 'csv');
      const problem = hireProblems(merge.hire)[0];
      // Checked in the first pass; only a change made meanwhile by someone else can get here.
      if (problem) throw new AppError(ErrorCode.HireDatesInvalid, problem.message);
      return merge;
    },
  };
}

type Counts = Pick<
  HiresImportResult,
  'created' | 'updated' | 'unchanged' | 'unknown' | 'unknownEmployees'
>;

/**
 * Pass 1, writing nothing: resolves every row's employee, merges it with the stored hire and checks
 * the result (a start date before the hire date Eligo already has is an error on that cell), and a
 * person named twice (by id and by email). Any error refuses the whole file.
 */
async function checkFile(app: FastifyInstance, batches: Batches, context: HiresImportContext) {
  const issues = new IssueList();
  const firstLineOf = new Map<string, number>();
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, unknown: 0, unknownEmployees: [] };
  for await (const batch of batches) {
    const resolved = await resolveEmployees(app, context.organizationId, batch);
    for (const { line, row } of batch) {
      const applicant = rowApplicant(
        resolved.get(line)!,
        { line, row },
        firstLineOf,
        issues,
        counts,
      );
      if (!applicant) continue;
      const before = applicant.hire;
      const merge = mergeHire(before ? toHireDto(before) : null, hireInputOf(row), 'csv');
      const problems = hireProblems(merge.hire);
      for (const p of problems) {
        const column = COLUMN_OF_FIELD[p.field] ?? 'employee';
        issues.add({ line, column, message: `${p.message} (with what Eligo has recorded)` });
      }
      if (problems.length > 0) issues.rowsWithOwnErrors += 1;
      else if (!before) counts.created += 1;
      else if (merge.changed.length === 0 && merge.confirmed.length === 0) counts.unchanged += 1;
      else counts.updated += 1;
    }
  }
  if (issues.total > 0) throw csvApplyInvalid(issues, context.rows, hiresImport);
  return counts;
}

/**
 * Pass 2: each batch's changes as one unordered bulk of compare-and-sets, then one insert of their
 * timeline entries. A row whose applicant changed since it was read (another writer won) is
 * written again on its own.
 */
async function writeFile(app: FastifyInstance, batches: Batches, context: HiresImportContext) {
  const Applicants = applicantModel(app.mongo);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for await (const batch of batches) {
    const resolved = await resolveEmployees(app, context.organizationId, batch);
    const now = app.clock.now();
    const planned = [];
    for (const { line, row } of batch) {
      const applicant = resolved.get(line)!.applicant;
      if (!applicant) continue;
      const write = csvWrite(row, context.actor);
      const plan = planHireWrite(applicant, write, now, context.timeZone);
      if (plan.change) planned.push({ applicant, plan, write });
      else counts.unchanged += 1;
    }
    if (planned.length === 0) continue;
    const result = await Applicants.bulkWrite(
      planned.map(({ plan }) => ({ updateOne: { filter: plan.filter, update: plan.update } })),
      { ordered: false },
    );
    if (result.matchedCount > 0) await revisions(app.mongo).bump('hires', context.organizationId);
    let lost = new Set<string>();
    if (result.matchedCount < planned.length) {
      const stored = await Applicants.find(
        {
          organizationId: context.organizationId,
          _id: { $in: planned.map((p) => p.applicant._id) },
        },
        { 'hire.lastChange.writeId': 1 },
      ).lean();
      const won = new Set(stored.map((a) => a.hire?.lastChange?.writeId));
      lost = new Set(
        planned.filter((p) => !won.has(p.plan.change!.writeId)).map((p) => p.plan.change!.writeId),
      );
    }
    const events: OnceEvent[] = [];
    for (const { applicant, plan, write } of planned) {
      if (lost.has(plan.change!.writeId)) {
        const again = await writeHire(app, applicant, write, context.timeZone);
        if (!again?.changed) counts.unchanged += 1;
        else if (applicant.hire) counts.updated += 1;
        else counts.created += 1;
        continue;
      }
      events.push(changeEvent(applicant, plan.change!));
      if (applicant.hire) counts.updated += 1;
      else counts.created += 1;
    }
    await recordEventsOnce(app, context.organizationId, events);
  }
  return counts;
}

/** Applies a valid hires file: all of it or, when a row contradicts what is stored, none of it. */
export async function applyHiresCsv(
  app: FastifyInstance,
  batches: Batches,
  context: HiresImportContext,
): Promise<HiresImportResult> {
  const checked = await checkFile(app, batches, context);
  const { dryRun, rows } = context;
  if (dryRun) return { dryRun, rows, ...checked };
  const written = await writeFile(app, batches, context);
  return {
    dryRun,
    rows,
    ...written,
    unknown: checked.unknown,
    unknownEmployees: checked.unknownEmployees,
  };
}
