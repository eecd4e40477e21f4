import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { csvText, type CellParser, type CsvRecord } from '../../../lib/csv-import/index.ts';
import { normalizeEmail } from '../../../lib/email.ts';
import { applicantModel, type Applicant } from '../applicant.model.ts';
import { applicantIdFor } from '../registration.service.ts';

const employeeText = csvText({ maxLength: 254 });

/**
 * The `employee` cell of an import that names people (hires, payroll): a Lever opportunity id as
 * is, or an email, normalized (so `Ana@x.com` twice is a repeat and finds the same person).
 */
export const csvEmployee: CellParser<string> = (cell) => {
  const parsed = employeeText(cell);
  if (!parsed.ok || !parsed.value.includes('@')) return parsed;
  return { ok: true, value: normalizeEmail(parsed.value) };
};

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
 * applicant's `_id` is derived from it). Two reads per batch, both on indexes. Every CSV import
 * that names people (hires, payroll) resolves them here.
 */
export async function resolveEmployees(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  records: Array<CsvRecord<{ employee: string }>>,
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
