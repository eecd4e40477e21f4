import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { certify, payrollCsv, periods, uploadPayroll } from '../support/credits.ts';
import { createUser, signedIn } from '../support/factories.ts';
import { hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/** POST /api/payroll/import: hours and wages as CSV, all or nothing, the same periods replaced. */
let t: OrgTestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
});
afterAll(() => t?.close());

async function hire(startedOn = '2025-10-01') {
  const hired = await hiredApplicant(t.app, t.org.organizationId);
  const put = await t.admin.put(
    `/api/applicants/${hired.applicantId}/hire`,
    hireBody({ startedOn }),
  );
  expect(put.statusCode).toBe(200);
  return hired;
}

const storedOf = (applicantId: string) =>
  t.db
    .collection('payroll_periods')
    .find({ applicantId: new Types.ObjectId(applicantId) }, { sort: { periodStart: 1 } })
    .project({ _id: 0, periodStart: 1, periodEnd: 1, hundredthsOfHours: 1, cents: 1 })
    .toArray();

describe('a valid file', () => {
  test('stores periods by opportunity id or email; the same file again changes nothing; new amounts replace', async () => {
    const a = await hire();
    const b = await hire();
    await certify(t.app, t.db, t.org.organizationId, a.applicantId, 'A');
    const file = payrollCsv([
      `${a.opportunityId},2025-10-01,2025-10-14,80,1200`,
      `${a.opportunityId},2025-10-15,2025-10-28,75.5,"1,132.50"`,
      `${b.email.toUpperCase()},2025-10-01,2025-10-14,40,600.00`,
    ]);
    const first = await uploadPayroll(t.admin, file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      dryRun: false,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      // Kept, and said: their credit appears once the state certifies them.
      notCertified: 1,
      notCertifiedEmployees: [
        { line: 4, employee: b.email.toLowerCase(), applicantId: b.applicantId },
      ],
    });
    expect(await storedOf(a.applicantId)).toEqual([
      {
        periodStart: '2025-10-01',
        periodEnd: '2025-10-14',
        hundredthsOfHours: 8000,
        cents: 120000,
      },
      {
        periodStart: '2025-10-15',
        periodEnd: '2025-10-28',
        hundredthsOfHours: 7550,
        cents: 113250,
      },
    ]);
    expect(await storedOf(b.applicantId)).toHaveLength(1);

    const again = await uploadPayroll(t.admin, file);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    // A corrected period replaces the stored one: never added twice.
    const corrected = await uploadPayroll(
      t.admin,
      payrollCsv([`${a.email},2025-10-15,2025-10-28,76,1140`]),
    );
    expect(corrected.json()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
      notCertified: 0,
    });
    expect(await storedOf(a.applicantId)).toEqual([
      {
        periodStart: '2025-10-01',
        periodEnd: '2025-10-14',
        hundredthsOfHours: 8000,
        cents: 120000,
      },
      {
        periodStart: '2025-10-15',
        periodEnd: '2025-10-28',
        hundredthsOfHours: 7600,
        cents: 114000,
      },
    ]);
  });

  test('the same file uploaded three times at once stores each period once, with its amounts', async () => {
    const a = await hire();
    const lines = Array.from({ length: 20 }, (_, k) => {
      const day = String(1 + k).padStart(2, '0');
      return `${a.opportunityId},2025-11-${day},2025-11-${day},8,${100 + k}`;
    });
    const answers = await Promise.all(
      [1, 2, 3].map(() => uploadPayroll(t.admin, payrollCsv(lines))),
    );
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200]);
    const stored = await storedOf(a.applicantId);
    expect(stored).toHaveLength(20);
    expect(stored.map((p) => p.cents)).toEqual(lines.map((_, k) => (100 + k) * 100));
  });

  test('a dry run says what would change and writes nothing', async () => {
    const a = await hire();
    const file = payrollCsv(periods(a.opportunityId, '2025-10-01', '2025-12-31'));
    const dry = await uploadPayroll(t.admin, file, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      rows: 7,
      created: 7,
      updated: 0,
      notCertified: 1,
    });
    expect(await storedOf(a.applicantId)).toEqual([]);
    expect((await uploadPayroll(t.admin, file)).json()).toMatchObject({
      dryRun: false,
      created: 7,
    });
    expect(await storedOf(a.applicantId)).toHaveLength(7);
  });
});

describe('bad input refuses the whole file, with every error by line and column', () => {
  test('cells, rows and overlaps in the file', async () => {
    const a = await hire();
    const b = await hire();
    const res = await uploadPayroll(
      t.admin,
      payrollCsv([
        `${a.opportunityId},2025-10-01,2025-10-14,80,1200`, // 2: fine
        `${a.opportunityId},2025-10-10,2025-10-20,80,1200`, // 3: overlaps line 2
        `${a.opportunityId},2025-11-14,2025-11-01,80,1200`, // 4: ends before it starts
        `${b.opportunityId},2025-10-01,2025-10-14,-5,1200`, // 5: negative hours
        `${b.opportunityId},2025-10-15,2025-10-28,80,$1200.00`, // 6: currency symbol
        `${b.opportunityId},2025-10-29,2025-11-11,80,1,200.00`, // 7: unquoted thousands
        `${b.opportunityId},2025-11-12,2025-11-25,80,"12,00.5"`, // 8: misgrouped comma
        `nobody@example.com,2025-10-01,2025-10-14,80,1200`, // 9: unknown employee
        `${b.opportunityId},2026-02-30,2026-03-10,80,1200`, // 10: not a date
      ]),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('CSV_INVALID');
    const where = body.details.map((d: { line: number; column?: string }) => [d.line, d.column]);
    expect(where).toEqual(
      expect.arrayContaining([
        [4, 'period_end'],
        [5, 'hours'],
        [6, 'wages'],
        [8, 'wages'],
        [10, 'period_start'],
      ]),
    );
    expect(body.details.map((d: { line: number }) => d.line)).toEqual(
      expect.arrayContaining([3, 7]),
    );
    const message = (line: number) =>
      body.details
        .filter((d: { line: number }) => d.line === line)
        .map((d: { message: string }) => d.message)
        .join(' | ');
    expect(message(3)).toMatch(/Overlaps the period on line 2/);
    expect(message(5)).toMatch(/negative/);
    expect(message(6)).toMatch(/currency symbol/);
    expect(message(7)).toMatch(/quote/i);
    expect(await storedOf(a.applicantId)).toEqual([]);
    expect(await storedOf(b.applicantId)).toEqual([]);
  });

  test('unknown people, one person named two ways, and overlaps with what is stored', async () => {
    const a = await hire();
    expect(
      (
        await uploadPayroll(
          t.admin,
          payrollCsv([`${a.opportunityId},2025-10-01,2025-10-14,80,1200`]),
        )
      ).statusCode,
    ).toBe(200);
    const res = await uploadPayroll(
      t.admin,
      payrollCsv([
        `${a.opportunityId},2025-10-08,2025-10-21,80,1200`, // 2: overlaps the stored period
        `${a.opportunityId},2025-11-01,2025-11-14,80,1200`, // 3: fine
        `${a.email},2025-11-10,2025-11-20,80,1200`, // 4: same person as line 3, overlapping
        `no-such-opportunity,2025-10-01,2025-10-14,80,1200`, // 5: unknown
      ]),
    );
    expect(res.statusCode).toBe(400);
    const details = res.json().details as Array<{ line: number; column: string; message: string }>;
    expect(details.map((d) => [d.line, d.column])).toEqual([
      [2, 'period_start'],
      [4, 'period_start'],
      [5, 'employee'],
    ]);
    expect(details[0]!.message).toMatch(/2025-10-01 to 2025-10-14 already imported/);
    expect(details[1]!.message).toMatch(/line 3/);
    expect(details[2]!.message).toMatch(/No applicant/);
    expect(await storedOf(a.applicantId)).toEqual([
      {
        periodStart: '2025-10-01',
        periodEnd: '2025-10-14',
        hundredthsOfHours: 8000,
        cents: 120000,
      },
    ]);
  });

  test('members cannot upload payroll', async () => {
    const member = await createUser(t.app, t.org.organizationId, { role: 'member' });
    const client = await signedIn(t.app, member);
    const res = await uploadPayroll(client, payrollCsv([`x,2025-10-01,2025-10-14,80,1200`]));
    expect(res.statusCode).toBe(403);
  });
});
