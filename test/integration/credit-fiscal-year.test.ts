import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testClock } from '../support/clock.ts';
import { certifiedHire, monthlyPayroll, payrollCsv, uploadPayroll } from '../support/credits.ts';
import { createOrganization, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerProfile } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * The fiscal-year setting (`employer.taxYearStartMonth`, docs/credits.md §3 and §8): saved with the
 * employer profile, refused when it is not a month number, and followed by the ledger (its window,
 * its lines, its default year), the Form 5884 CSV and the home's credit figures. On an injected
 * clock (15 March 2026); every test has an organization of its own.
 */
const clock = testClock('2026-03-15T15:00:00Z');
let t: OrgTestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { clock });
});
afterAll(() => t?.close());

async function organization(taxYearStartMonth?: number) {
  const org = await createOrganization(t.app);
  const admin = await signedIn(t.app, org.admin);
  const employer = employerProfile(taxYearStartMonth === undefined ? {} : { taxYearStartMonth });
  const res = await admin.patch('/api/organization/settings', { employer });
  expect(res.statusCode, res.body).toBe(200);
  return { id: org.organizationId, admin };
}

const settings = async (admin: ApiClient) =>
  (await admin.get('/api/organization/settings')).json().employer;

async function ledger(admin: ApiClient, query = '') {
  const res = await admin.get(`/api/credits${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the setting', () => {
  test('calendar years by default; a month saved with the profile is read back', async () => {
    const org = await organization();
    expect((await settings(org.admin)).taxYearStartMonth).toBe(1);
    const res = await org.admin.patch('/api/organization/settings', {
      employer: employerProfile({ taxYearStartMonth: 7 }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().employer.taxYearStartMonth).toBe(7);
    expect((await settings(org.admin)).taxYearStartMonth).toBe(7);
    // The PATCH replaces the whole profile: leaving the month out goes back to calendar years.
    await org.admin.patch('/api/organization/settings', { employer: employerProfile() });
    expect((await settings(org.admin)).taxYearStartMonth).toBe(1);
  });

  test.each([
    [0, 'Enter 1 or more.', 'minimum'],
    [13, 'Enter 12 or less.', 'maximum'],
    ['7', 'Enter a whole number.', 'whole_number'],
    [6.5, 'Enter a whole number.', 'whole_number'],
    [null, 'Enter a whole number.', 'whole_number'],
  ])('%j → 400 with a sentence, and the saved month stays', async (month, message, rule) => {
    const org = await organization(4);
    const res = await org.admin.patch('/api/organization/settings', {
      employer: { ...employerProfile(), taxYearStartMonth: month },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { path: '/body/employer/taxYearStartMonth', message, rule, ...limitOf(rule) },
    ]);
    expect((await settings(org.admin)).taxYearStartMonth).toBe(4);
  });
});

const limitOf = (rule: string) =>
  rule === 'minimum' ? { limit: 1 } : rule === 'maximum' ? { limit: 12 } : {};

describe('a July–June tax year', () => {
  test('the ledger: its window, its lines, its months, and the Form 5884 CSV', async () => {
    const org = await organization(7);
    const hired = await certifiedHire(t.app, t.db, org.admin, org.id, '2025-10-01');
    const upload = await uploadPayroll(
      org.admin,
      payrollCsv(monthlyPayroll(hired.opportunityId, '2025-10', 12, 80, 1200)),
    );
    expect(upload.statusCode, upload.body).toBe(200);

    // Tax year 2025 is July 2025 – June 2026: the whole first year's capped wages (the calendar
    // years split them $1,440 / $960, credit-ledger.test.ts).
    const y2025 = await ledger(org.admin, '?taxYear=2025');
    expect(y2025).toMatchObject({ taxYear: 2025, from: '2025-07-01', through: '2026-06-30' });
    expect(y2025.lines).toEqual([
      expect.objectContaining({
        applicantId: hired.applicantId,
        wages: 9 * 1200,
        qualifiedWages: 6000,
        creditToDate: 2400,
      }),
    ]);
    expect(y2025.totals).toMatchObject({ wagesAt40: 6000, credit: 2400 });
    expect(y2025.byMonth.map((m: { month: string }) => m.month)).toEqual([
      ...['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'],
      ...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    ]);
    expect(y2025.byMonth.map((m: { credit: number }) => m.credit)).toEqual([
      0, 0, 0, 480, 480, 480, 480, 480, 0, 0, 0, 0,
    ]);
    // July–September 2026 (the rest of the first year) are in tax year 2026, past the cap.
    const y2026 = await ledger(org.admin, '?taxYear=2026');
    expect(y2026).toMatchObject({ from: '2026-07-01', through: '2027-06-30' });
    expect(y2026.lines[0]).toMatchObject({ wages: 3 * 1200, creditToDate: 0 });

    const csv = await org.admin.get('/api/credits/form-5884?taxYear=2025');
    expect(csv.statusCode).toBe(200);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[2]).toMatch(
      /^"2025","2025-07-01","2026-06-30","1b",".*","6000.00","0.40","2400.00"$/,
    );
    expect(rows[4]).toBe(
      '"2025","2025-07-01","2026-06-30","2","Add lines 1a, 1b and 1c","","","2400.00"',
    );
  });

  test('the current tax year is the fiscal one holding today: on the Credits screen and the home', async () => {
    // 15 March 2026 is in the July–June year that began in 2025, and in the April–March one too.
    for (const [month, year, from] of [
      [7, 2025, '2025-07-01'],
      [4, 2025, '2025-04-01'],
      [3, 2026, '2026-03-01'],
      [1, 2026, '2026-01-01'],
    ] as const) {
      const org = await organization(month);
      expect(await ledger(org.admin), `start month ${month}`).toMatchObject({
        taxYear: year,
        from,
      });
      const home = await org.admin.get('/api/home/credit');
      expect(home.statusCode, home.body).toBe(200);
      expect(home.json().credits, `start month ${month}`).toEqual({
        taxYear: year,
        earned: 0,
        projected: 0,
      });
    }
  });

  test('the years with credit follow the start month', async () => {
    const org = await organization(7);
    // July 2015 – June 2016 holds hires from 2016-01-01; 2028 begins after any credited day.
    expect((await org.admin.get('/api/credits?taxYear=2015')).statusCode).toBe(200);
    const late = await org.admin.get('/api/credits?taxYear=2028');
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'TAX_YEAR_OUT_OF_RANGE' });
    expect(late.json().message).toContain('2015 to 2027');
  });
});
