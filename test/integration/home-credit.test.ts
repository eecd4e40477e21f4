import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testClock } from '../support/clock.ts';
import { certifiedHire, payrollCsv, periods, uploadPayroll } from '../support/credits.ts';
import { createUser, registerTestApplicant, signedIn } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { hiredApplicant, organizationWithEmployer } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { markScreened, type ScreenedFacts } from '../support/screened.ts';

/**
 * `GET /api/home/credit` (docs/credits.md §9): the potential credit of the screened applicants this
 * month, this year and by posting, in the employer's time zone (Chicago here), what awaits
 * certification, and the tax year's credit from the ledger. On an injected clock; every test has an
 * organization of its own.
 */
const NOW = '2026-03-15T15:00:00Z';
const clock = testClock(NOW);
let t: OrgTestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { clock });
});
afterAll(() => t?.close());

const organization = () => organizationWithEmployer(t.app);
type Org = Awaited<ReturnType<typeof organization>>;

async function credit(client: ApiClient) {
  const res = await client.get('/api/home/credit');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** An applicant of `org` screened at `submittedAt` (test/support/screened.ts). */
async function screened(
  org: Org,
  submittedAt: string,
  options: { credit?: number; status?: ScreenedFacts['status']; posting?: string } = {},
): Promise<string> {
  const { applicant } = await registerTestApplicant(t.app, org.id, {
    postingTitle: options.posting ?? 'Picker',
  });
  await markScreened(t.app, org.id, applicant._id, {
    submittedAt: new Date(submittedAt),
    ...(options.status ? { status: options.status } : {}),
    maxPotentialCredit: options.credit ?? 2400,
  });
  return applicant._id.toHexString();
}

describe('the home credit figures', () => {
  test('a new organization: nothing screened, nothing earned yet this tax year', async () => {
    const { admin } = await organization();
    expect(await credit(admin)).toEqual({
      month: '2026-03',
      year: 2026,
      thisMonth: { applicants: 0, amount: 0 },
      thisYear: { applicants: 0, amount: 0 },
      byPosting: [],
      awaitingCertification: { applicants: 0, amount: 0 },
      credits: { taxYear: 2026, earned: 0, projected: 0 },
    });
  });

  test('this month and this year are Chicago’s; only Pre Qualified applicants count', async () => {
    const org = await organization();
    await screened(org, '2026-03-01T06:30:00Z', { credit: 2400 }); // 1 March, 00:30 CST
    await screened(org, '2026-03-15T14:00:00Z', { credit: 9600 });
    await screened(org, '2026-03-01T05:30:00Z', { credit: 1200 }); // 28 February, 23:30 CST
    await screened(org, '2026-01-01T05:00:00Z', { credit: 2400 }); // 31 December 2025 in Chicago
    await screened(org, '2026-03-10T12:00:00Z', { status: 'not_qualified', credit: 0 });
    await screened(org, '2026-03-10T12:00:00Z', { status: 'needs_review', credit: 2400 });
    expect(await credit(org.admin)).toMatchObject({
      thisMonth: { applicants: 2, amount: 12_000 },
      thisYear: { applicants: 3, amount: 13_200 },
    });
    // On 1 April (Chicago) March's applicants are no longer "this month"; still this year.
    clock.set('2026-04-01T05:30:00Z');
    try {
      expect(await credit(org.admin)).toMatchObject({
        month: '2026-04',
        thisMonth: { applicants: 0, amount: 0 },
        thisYear: { applicants: 3, amount: 13_200 },
      });
    } finally {
      clock.set(NOW);
    }
  });

  test('an admin’s override counts: to Pre Qualified in, to Not Qualified out', async () => {
    const org = await organization();
    const overridden = await screened(org, '2026-03-02T15:00:00Z', {
      status: 'not_qualified',
      credit: 0,
    });
    const dropped = await screened(org, '2026-03-02T15:00:00Z', { credit: 2400 });
    const override = async (id: string, status: string) => {
      const res = await org.admin.post(`/api/applicants/${id}/wotc-status`, {
        status,
        reason: 'Checked the DD-214 with the applicant',
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await override(overridden, 'pre_qualified');
    await override(dropped, 'not_qualified');
    // Counted as an applicant, at the engine's amount ($0: it found no group).
    expect(await credit(org.admin)).toMatchObject({ thisMonth: { applicants: 1, amount: 0 } });
  });

  test('by posting: this year’s five largest, largest first', async () => {
    const org = await organization();
    const postings = ['Driver', 'Cook', 'Cashier', 'Picker', 'Nurse', 'Welder'];
    for (const [i, posting] of postings.entries())
      for (let n = 0; n <= i; n += 1)
        await screened(org, '2026-02-10T15:00:00Z', { posting, credit: 1200 });
    await screened(org, '2025-06-10T15:00:00Z', { posting: 'Driver', credit: 9600 }); // last year
    const { byPosting } = await credit(org.admin);
    expect(byPosting).toEqual([
      { postingTitle: 'Welder', applicants: 6, amount: 7200 },
      { postingTitle: 'Nurse', applicants: 5, amount: 6000 },
      { postingTitle: 'Picker', applicants: 4, amount: 4800 },
      { postingTitle: 'Cashier', applicants: 3, amount: 3600 },
      { postingTitle: 'Cook', applicants: 2, amount: 2400 },
    ]);
  });

  test('awaiting certification: hires filed with the state, undecided', async () => {
    const org = await organization();
    const filed = async (state: string | null, credit: number) => {
      const { applicantId } = await hiredApplicant(t.app, org.id);
      await markScreened(t.app, org.id, applicantId, {
        submittedAt: new Date('2026-01-20T15:00:00Z'),
        maxPotentialCredit: credit,
      });
      if (state)
        await t.db
          .collection('applicants')
          .updateOne(
            { _id: new Types.ObjectId(applicantId) },
            { $set: { 'filing.status': { state } } },
          );
    };
    await filed('submitted', 2400);
    await filed('held', 9600);
    await filed('certified', 4800);
    await filed('denied', 2400);
    await filed(null, 2400); // hired, not filed yet: the to-do list's, not this figure's
    expect((await credit(org.admin)).awaitingCertification).toEqual({
      applicants: 2,
      amount: 12_000,
    });
  });

  test('the tax year’s credit is the Credits screen’s: earned from payroll, and projected', async () => {
    const org = await organization();
    const hired = await certifiedHire(t.app, t.db, org.admin, org.id, '2025-10-01');
    const upload = await uploadPayroll(
      org.admin,
      // $400 a fortnight: the first year's $6,000 cap is not reached in 2025, so 2026 earns too.
      payrollCsv(periods(hired.opportunityId, '2025-10-01', '2026-02-28', { wages: 400 })),
    );
    expect(upload.statusCode, upload.body).toBe(200);
    const ledger = (await org.admin.get('/api/credits?taxYear=2026')).json();
    expect(ledger.totals.credit).toBeGreaterThan(0);
    expect((await credit(org.admin)).credits).toEqual({
      taxYear: 2026,
      earned: ledger.totals.credit,
      projected: ledger.totals.projectedCredit,
    });
  });

  test('past the years the program’s rules reach, there is no tax year credit to show', async () => {
    const { admin } = await organization();
    clock.set('2031-06-01T15:00:00Z');
    try {
      expect(await credit(admin)).toMatchObject({ year: 2031, credits: null });
    } finally {
      clock.set(NOW);
    }
  });

  test('admins only; another organization sees none of it', async () => {
    const org = await organization();
    await screened(org, '2026-03-02T15:00:00Z');
    const member = await signedIn(t.app, await createUser(t.app, org.id));
    const res = await member.get('/api/home/credit');
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('2400');
    const other = await organization();
    expect(await credit(other.admin)).toMatchObject({ thisYear: { applicants: 0, amount: 0 } });
    expect((await apiClient(t.app).get('/api/home/credit')).statusCode).toBe(401);
  });
});
