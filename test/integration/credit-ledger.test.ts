import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DolCode } from '@eligo/shared/wotc';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  certify,
  monthlyPayroll as months,
  payrollCsv,
  periods,
  uploadPayroll,
} from '../support/credits.ts';
import { createOrganization, createUser, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerToday, readyHire, saveEmployerProfile } from '../support/filing.ts';
import { hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * GET /api/credits and its Form 5884 CSV: the ledger of a tax year from the stored payroll and the
 * certified target group, through the shared `creditFor` (worked cases: docs/credits.md §6). Every
 * test has an organization of its own, so totals are only its hires'.
 */
let t: OrgTestApp;
const others: TestApp[] = [];

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
});
afterAll(async () => {
  for (const other of others) await other.close();
  await t?.close();
});

async function organization() {
  const org = await createOrganization(t.app);
  return { id: org.organizationId, admin: await signedIn(t.app, org.admin), adminUser: org.admin };
}
type Org = Awaited<ReturnType<typeof organization>>;

/** A hire who started on `startedOn`, certified in `group` unless `group` is null. */
async function hire(org: Org, startedOn: string, group: DolCode | null) {
  const hired = await hiredApplicant(t.app, org.id);
  const put = await org.admin.put(
    `/api/applicants/${hired.applicantId}/hire`,
    hireBody({ startedOn }),
  );
  expect(put.statusCode).toBe(200);
  if (group) await certify(t.app, t.db, org.id, hired.applicantId, group);
  return hired;
}

async function upload(client: ApiClient, lines: string[]) {
  const res = await uploadPayroll(client, payrollCsv(lines));
  expect(res.statusCode, res.body).toBe(200);
}

const ledger = async (client: ApiClient, taxYear: number) => {
  const res = await client.get(`/api/credits?taxYear=${taxYear}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

type Months = Array<{ month: string; credit: number }>;
const creditsOf = (months: Months) => months.map((m) => m.credit);
const sumOf = (months: Months) =>
  months.reduce((sum, m) => sum + Math.round(m.credit * 100), 0) / 100;

describe('the ledger', () => {
  test('a first year over two tax years: each year its own wages at the rate the hours reached', async () => {
    const org = await organization();
    const a = await hire(org, '2025-10-01', 'A');
    await upload(org.admin, months(a.opportunityId, '2025-10', 12, 80, 1200));
    const y2025 = await ledger(org.admin, 2025);
    expect(y2025).toMatchObject({ taxYear: 2025, from: '2025-01-01', through: '2025-12-31' });
    expect(y2025.lines).toEqual([
      expect.objectContaining({
        applicantId: a.applicantId,
        targetGroup: 'A',
        startedOn: '2025-10-01',
        terminatedOn: null,
        status: 'credited',
        hours: 960,
        wages: 3600,
        rate: 0.4,
        qualifiedWages: 3600,
        creditToDate: 1440,
        projectedCredit: 2400,
      }),
    ]);
    expect(y2025.totals).toEqual({
      wagesAt40: 3600,
      wagesAt25: 0,
      secondYearWagesAt50: 0,
      credit: 1440,
      projectedCredit: 2400,
    });
    // The chart: each month's wages at the rate the first year reached, the year's twelve months.
    expect(creditsOf(y2025.byMonth)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 480, 480, 480]);
    expect(y2025.byMonth[0]).toEqual({ month: '2025-01', credit: 0 });
    expect(y2025.byTargetGroup).toEqual([
      { targetGroup: 'A', name: expect.any(String), hires: 1, credit: 1440 },
    ]);
    // The cap ($6,000) leaves 2026 what 2025 did not use.
    const y2026 = await ledger(org.admin, 2026);
    expect(y2026.lines[0]).toMatchObject({ wages: 10800, qualifiedWages: 2400, creditToDate: 960 });
    expect(y2026.totals).toMatchObject({ wagesAt40: 2400, credit: 960 });
    expect(creditsOf(y2026.byMonth)).toEqual([480, 480, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('the 25 % tier, long-term family assistance in its second year, and people not certified', async () => {
    const org = await organization();
    const partTime = await hire(org, '2025-01-06', 'A');
    const family = await hire(org, '2025-01-01', 'I');
    const pending = await hire(org, '2025-01-06', null);
    await upload(org.admin, [
      ...months(partTime.opportunityId, '2025-01', 12, 20, 500), // 240 hours: 25 %
      ...months(family.opportunityId, '2025-01', 24, 160, 2000),
      ...months(pending.opportunityId, '2025-01', 12, 160, 2000),
    ]);
    const y2025 = await ledger(org.admin, 2025);
    expect(y2025.lines.map((l: { applicantId: string }) => l.applicantId).sort()).toEqual(
      [partTime.applicantId, family.applicantId].sort(),
    );
    expect(y2025.totals).toEqual({
      wagesAt40: 10000,
      wagesAt25: 6000,
      secondYearWagesAt50: 0,
      credit: 4000 + 1500,
      projectedCredit: 9000 + 1500,
    });
    const y2026 = await ledger(org.admin, 2026);
    expect(y2026.totals).toMatchObject({ secondYearWagesAt50: 10000, credit: 5000 });

    // Certified later: the payroll kept for them counts from then on.
    await certify(t.app, t.db, org.id, pending.applicantId, 'A');
    const after = await ledger(org.admin, 2025);
    expect(after.totals.credit).toBe(5500 + 2400);
    // Largest credit first.
    expect(after.byTargetGroup).toEqual([
      { targetGroup: 'I', name: expect.any(String), hires: 1, credit: 4000 },
      { targetGroup: 'A', name: expect.any(String), hires: 2, credit: 1500 + 2400 },
    ]);
    expect(sumOf(after.byMonth)).toBe(5500 + 2400);

    const csv = await org.admin.get('/api/credits/form-5884?taxYear=2025');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('form-5884-2025.csv');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      '"tax_year","tax_year_beginning","tax_year_ending","line","description","qualified_wages","rate","credit"',
    );
    expect(
      rows.slice(1).map((r: string) =>
        r
          .split('","')
          .slice(3)
          .filter((_, i) => i !== 1),
      ),
    ).toEqual([
      ['1a', '6000.00', '0.25', '1500.00"'],
      ['1b', '16000.00', '0.40', '6400.00"'],
      ['1c', '0.00', '0.50', '0.00"'],
      ['2', '', '', '7900.00"'],
    ]);
  });

  test('a termination under 120 hours means no credit, and ends the projection', async () => {
    const org = await organization();
    const short = await hire(org, '2025-03-03', 'A');
    await upload(
      org.admin,
      periods(short.opportunityId, '2025-03-03', '2025-04-13', { hours: 37, wages: 555 }),
    );
    const before = (await ledger(org.admin, 2025)).lines[0];
    expect(before).toMatchObject({ status: 'below_minimum_hours', creditToDate: 0 });
    expect(before.projectedCredit).toBeGreaterThan(0);
    const set = await org.admin.put(`/api/credits/hires/${short.applicantId}/termination`, {
      terminatedOn: '2025-04-13',
    });
    expect(set.statusCode).toBe(200);
    expect((await ledger(org.admin, 2025)).lines[0]).toMatchObject({
      terminatedOn: '2025-04-13',
      status: 'below_minimum_hours',
      hours: 111,
      creditToDate: 0,
      projectedCredit: 0,
    });
    const early = await org.admin.put(`/api/credits/hires/${short.applicantId}/termination`, {
      terminatedOn: '2025-03-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].path).toBe('/body/terminatedOn');
    const cleared = await org.admin.put(`/api/credits/hires/${short.applicantId}/termination`, {
      terminatedOn: null,
    });
    expect(cleared.json()).toEqual({ applicantId: short.applicantId, terminatedOn: null });
    expect((await ledger(org.admin, 2025)).lines[0].projectedCredit).toBeGreaterThan(0);
  });

  test('WOTC_AUTHORIZED_THROUGH decides the credit when read, both ways', async () => {
    const org = await organization();
    const late = await hire(org, '2026-01-05', 'A');
    const covered = await hire(org, '2025-09-01', 'A');
    await upload(org.admin, [
      ...months(late.opportunityId, '2026-01', 6, 160, 2000),
      ...months(covered.opportunityId, '2025-09', 4, 160, 2000),
    ]);
    const byId = (body: { lines: Array<{ applicantId: string }> }, id: string) =>
      body.lines.find((l) => l.applicantId === id) as Record<string, unknown>;
    const table = await ledger(org.admin, 2026);
    expect(byId(table, late.applicantId)).toMatchObject({
      status: 'program_not_authorized',
      creditToDate: 0,
    });

    const instance = async (through: string) => {
      const other = await createTestApp(import.meta.filename, {
        databaseOf: t,
        env: { WOTC_AUTHORIZED_THROUGH: through },
      });
      others.push(other);
      return signedIn(other.app, org.adminUser);
    };
    const extended = await ledger(await instance('2030-12-31'), 2026);
    expect(extended.authorizedThrough).toBe('2030-12-31');
    expect(byId(extended, late.applicantId)).toMatchObject({
      status: 'credited',
      creditToDate: 2400,
    });
    const shortened = await ledger(await instance('2025-06-30'), 2025);
    expect(byId(shortened, covered.applicantId)).toMatchObject({
      status: 'program_not_authorized',
      creditToDate: 0,
      projectedCredit: 0,
    });
  });
});

describe('what the ledger is computed from, read after each change', () => {
  test('a certification through the filing routes puts the hire on the ledger at once', async () => {
    // Authorized far ahead, so that today's hire has a tax year with rules whatever today is.
    const other = await createTestApp(import.meta.filename, {
      databaseOf: t,
      env: { WOTC_AUTHORIZED_THROUGH: '2099-12-31' },
    });
    others.push(other);
    const org = await organization();
    const admin = await signedIn(other.app, org.adminUser);
    await saveEmployerProfile(admin);
    const id = await readyHire(other.app, org.id, admin);
    const today = employerToday();
    const year = Number(today.slice(0, 4));
    const lineOf = async () =>
      (await ledger(admin, year)).lines.find((l: { applicantId: string }) => l.applicantId === id);
    expect(await lineOf()).toBeUndefined();
    for (const body of [
      { status: 'submitted', on: today, method: 'portal' },
      { status: 'certified', on: today, targetGroup: 'G' },
    ]) {
      const res = await admin.post(`/api/applicants/${id}/filing`, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await lineOf()).toMatchObject({ targetGroup: 'G', startedOn: today, hours: 0 });
  });

  test('a new start date and new payroll show at the next read', async () => {
    const org = await organization();
    const hired = await hire(org, '2025-03-03', 'A');
    const line = async () => (await ledger(org.admin, 2025)).lines[0];
    expect(await line()).toMatchObject({ startedOn: '2025-03-03', hours: 0 });
    const moved = await org.admin.put(`/api/applicants/${hired.applicantId}/hire`, {
      ...hireBody({ startedOn: '2025-03-10' }),
      reason: 'The first day moved',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await line()).toMatchObject({ startedOn: '2025-03-10', hours: 0 });
    await upload(org.admin, months(hired.opportunityId, '2025-04', 2, 160, 2000));
    expect(await line()).toMatchObject({ hours: 320, wages: 4000 });
    await upload(org.admin, months(hired.opportunityId, '2025-04', 2, 100, 1500));
    expect(await line()).toMatchObject({ hours: 200, wages: 3000 });
  });
});

describe('what is refused', () => {
  test('a tax year outside the rules, and members', async () => {
    const org = await organization();
    for (const year of [2015, 2028]) {
      const res = await org.admin.get(`/api/credits?taxYear=${year}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'TAX_YEAR_OUT_OF_RANGE' });
      expect(res.json().message).toContain('2016 to 2027');
    }
    expect((await org.admin.get('/api/credits/form-5884?taxYear=2015')).statusCode).toBe(400);
    expect((await org.admin.get('/api/credits?taxYear=twenty')).statusCode).toBe(400);
    const member = await signedIn(t.app, await createUser(t.app, org.id, { role: 'member' }));
    expect((await member.get('/api/credits?taxYear=2025')).statusCode).toBe(403);
    expect((await member.get('/api/credits/form-5884?taxYear=2025')).statusCode).toBe(403);
  });
});
