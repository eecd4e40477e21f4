import type { FastifyInstance } from 'fastify';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { DolCode } from '@eligo/shared/wotc';
import { revisions } from '@eligo/server/lib/db/index';
import { refreshFilingFacts } from '@eligo/server/modules/applicants/index';
import { hireBody, hiredApplicant } from './hires.ts';
import type { ApiClient } from './http.ts';

export const PAYROLL_HEADER = 'employee,period_start,period_end,hours,wages';

/** A payroll CSV: the header and `lines`. */
export const payrollCsv = (lines: string[], eol = '\n') =>
  [PAYROLL_HEADER, ...lines].join(eol) + eol;

/** Uploads a payroll CSV as the browser does (`text/csv`). */
export function uploadPayroll(client: ApiClient, body: string | Buffer, query = '') {
  return client.request('POST', `/api/payroll/import${query}`, body, {
    'content-type': 'text/csv; charset=utf-8',
  });
}

/**
 * The state certified the hire in `targetGroup` on `on`: written straight to the database, as the
 * filing status routes would leave it (`filing.status`, shared/src/schemas/filing-status.ts, and
 * the organization's hires revision, which the ledger's stored copy is keyed on), so credit tests
 * do not depend on them. `credit-ledger.test.ts` certifies through the routes once.
 */
export async function certify(
  app: FastifyInstance,
  db: Connection,
  organizationId: string,
  applicantId: string,
  targetGroup: DolCode,
  on = '2026-02-02',
): Promise<void> {
  const _id = new Types.ObjectId(applicantId);
  const result = await db.collection('applicants').updateOne(
    { _id, organizationId: new Types.ObjectId(organizationId) },
    {
      $set: {
        'filing.status': {
          state: 'certified',
          submission: { on, method: 'portal', reference: null, late: false },
          determination: {
            state: 'certified',
            on,
            targetGroup,
            certificationNumber: null,
            reason: null,
          },
        },
      },
    },
  );
  if (result.matchedCount !== 1) throw new Error(`no applicant ${applicantId} to certify`);
  await revisions(app.mongo).bump('hires', new Types.ObjectId(organizationId));
  await refreshFilingFacts(app, { _id, organizationId: new Types.ObjectId(organizationId) });
}

/** Every `days` days from `from` through `through`: one pay period of `hours` and `wages` each. */
export function periods(
  employee: string,
  from: string,
  through: string,
  { days = 14, hours = 80, wages = 1200 }: { days?: number; hours?: number; wages?: number } = {},
): string[] {
  const lines: string[] = [];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  for (let start = new Date(`${from}T00:00:00Z`); day(start) <= through;) {
    const end = new Date(start.getTime() + (days - 1) * 86_400_000);
    lines.push(`${employee},${day(start)},${day(end)},${hours},${wages}`);
    start = new Date(end.getTime() + 86_400_000);
  }
  return lines;
}

/** Calendar months from `from` (YYYY-MM) for `count` months: one pay period each. */
export function monthlyPayroll(
  employee: string,
  from: string,
  count: number,
  hours: number,
  wages: number,
) {
  const lines: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const mm = String(month).padStart(2, '0');
    lines.push(`${employee},${year}-${mm}-01,${year}-${mm}-${last},${hours},${wages}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return lines;
}

/** A hire of `organizationId` who started on `startedOn` (set by its admin) and was certified. */
export async function certifiedHire(
  app: FastifyInstance,
  db: Connection,
  admin: ApiClient,
  organizationId: string,
  startedOn: string,
  targetGroup: DolCode = 'A',
): Promise<{ applicantId: string; opportunityId: string }> {
  const hired = await hiredApplicant(app, organizationId);
  const put = await admin.put(`/api/applicants/${hired.applicantId}/hire`, hireBody({ startedOn }));
  if (put.statusCode !== 200) throw new Error(`hire: ${put.statusCode} ${put.body}`);
  await certify(app, db, organizationId, hired.applicantId, targetGroup);
  return hired;
}
