import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import {
  MAX_LISTED_ISSUES,
  type CsvRecord,
  type IssueList,
} from '../../../lib/csv-import/index.ts';
import { applicantModel, type Applicant } from '../applicant.model.ts';
import { applicantIdFor } from '../registration.service.ts';
import type { HiresCsvRow } from './hires-csv.definition.ts';

export type Resolved =
  { applicant: Applicant; reason?: never } | { applicant: null; reason: 'not_found' | 'ambiguous' };

/** What a hire write reads of an applicant (not the survey's secrets, not the answers). */
const PROJECTION = {
  organizationId: 1,
  emailNormalized: 1,
  wotcStatus: 1,
  'survey.status': 1,
  'survey.submittedAt': 1,
  hire: 1,
  filing: 1,
};

/**
 * The applicants a batch of rows names, by line: an `employee` with `@` is an email (normalized by
 * the cell parser; several applicants with it are `ambiguous`: the same person applied more than
 * once, so the opportunity id must say which), anything else a Lever opportunity id (the
 * applicant's `_id` is derived from it). Two reads per batch, both on indexes.
 */
export async function resolveEmployees(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  records: Array<Pick<CsvRecord<Pick<HiresCsvRow, 'employee'>>, 'line' | 'row'>>,
): Promise<Map<number, Resolved>> {
  const Applicants = scoped(applicantModel(app.mongo), organizationId);
  const emails = new Set<string>();
  const ids: Types.ObjectId[] = [];
  for (const { row } of records) {
    if (row.employee.includes('@')) emails.add(row.employee);
    else ids.push(applicantIdFor(organizationId, row.employee));
  }
  const [byId, byEmail] = await Promise.all([
    ids.length > 0
      ? Applicants.find({ _id: { $in: ids } }, PROJECTION).lean<Applicant[]>()
      : Promise.resolve([]),
    emails.size > 0
      ? Applicants.find({ emailNormalized: { $in: [...emails] } }, PROJECTION).lean<Applicant[]>()
      : Promise.resolve([]),
  ]);
  const ofId = new Map(byId.map((a) => [a._id.toHexString(), a]));
  const ofEmail = new Map<string, Applicant[]>();
  for (const applicant of byEmail) {
    const list = ofEmail.get(applicant.emailNormalized ?? '') ?? [];
    list.push(applicant);
    ofEmail.set(applicant.emailNormalized ?? '', list);
  }
  const resolved = new Map<number, Resolved>();
  for (const { line, row } of records) {
    if (row.employee.includes('@')) {
      const matches = ofEmail.get(row.employee) ?? [];
      resolved.set(
        line,
        matches.length === 1
          ? { applicant: matches[0]! }
          : { applicant: null, reason: matches.length === 0 ? 'not_found' : 'ambiguous' },
      );
    } else {
      const applicant = ofId.get(applicantIdFor(organizationId, row.employee).toHexString());
      resolved.set(line, applicant ? { applicant } : { applicant: null, reason: 'not_found' });
    }
  }
  return resolved;
}

/** Rows naming nobody Eligo screened: counted, and the first ones listed (never invented). */
export interface UnknownRows {
  unknown: number;
  unknownEmployees: Array<{ line: number; employee: string; reason: 'not_found' | 'ambiguous' }>;
}

/**
 * The applicant a row of a hires or determinations file is about, or null when the row is to be
 * skipped: nobody found (counted in `unknown`) or the same person as an earlier line (an issue on
 * `employee`). `firstLineOf` remembers each person's first line across the whole file.
 */
export function rowApplicant(
  found: Resolved,
  record: { line: number; row: { employee: string } },
  firstLineOf: Map<string, number>,
  issues: IssueList,
  unknown: UnknownRows,
): Applicant | null {
  const { line, row } = record;
  if (!found.applicant) {
    unknown.unknown += 1;
    if (unknown.unknownEmployees.length < MAX_LISTED_ISSUES) {
      unknown.unknownEmployees.push({ line, employee: row.employee, reason: found.reason });
    }
    return null;
  }
  const id = found.applicant._id.toHexString();
  const first = firstLineOf.get(id);
  if (first !== undefined) {
    issues.add({ line, column: 'employee', message: `The same person as line ${first}` });
    issues.rowsWithOwnErrors += 1;
    return null;
  }
  firstLineOf.set(id, line);
  return found.applicant;
}
