import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshFilingFacts, signedHireValues } from '@eligo/server/modules/applicants/index';
import { answerSurvey } from '../support/applicants.ts';
import { daysAgo } from '../support/dates.ts';
import { createOrganization, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerProfile, hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * The applicant must give the information on or before the day of the job offer: a survey signed
 * later is flagged on the dashboard and on Filing, and never counted as ready to file. The survey
 * is signed through the public survey API (the real clock), so the offer dates are derived from
 * today (test/support/dates.ts).
 */
let t: OrgTestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
});
afterAll(() => t?.close());

async function organization() {
  const org = await createOrganization(t.app);
  const admin = await signedIn(t.app, org.admin);
  await admin.patch('/api/organization/settings', { employer: employerProfile() });
  return { id: org.organizationId, admin };
}

/** A hire whose survey the applicant signs now, through the survey; WOTC status pre-qualified. */
async function signedHire(org: { id: string; admin: ApiClient }, dates: Record<string, string>) {
  const { applicantId } = await hiredApplicant(t.app, org.id, {});
  await org.admin.put(
    `/api/applicants/${applicantId}/hire`,
    hireBody({
      startedOn: daysAgo(-10),
      position: 'Picker',
      startingWage: 16,
      employedInState: 'IL',
      ...dates,
    }),
  );
  const _id = new Types.ObjectId(applicantId);
  const factsNow = async () => (await t.db.collection('applicants').findOne({ _id }))?.filing;
  await answerSurvey(t.app, org.id, applicantId);
  const afterSurvey = await factsNow();
  // All "no" is Not Qualified, which Filing leaves out: an admin's decision brings it back.
  const override = await org.admin.post(`/api/applicants/${applicantId}/wotc-status`, {
    status: 'pre_qualified',
    reason: 'Checked with the state',
  });
  expect(override.statusCode).toBe(200);
  const afterOverride = await factsNow();
  // The employer's signature, covering the hire's values as signed (docs/forms.md §8), so that only
  // the flag can stand in the way. Written as the signing route writes it: the route itself
  // refuses a hire screened after the offer, since nothing an admin does can fix that.
  const stored = await t.db.collection('applicants').findOne({ _id });
  await t.db.collection('applicants').updateOne(
    { _id },
    {
      $set: {
        'filing.employerSignature': {
          recordId: new Types.ObjectId(),
          signedAt: new Date(),
          signedBy: 'Pat Doe',
          title: 'Owner',
          userId: new Types.ObjectId(),
          covers: signedHireValues(stored!.hire),
        },
      },
    },
  );
  await refreshFilingFacts(t.app, { _id, organizationId: new Types.ObjectId(org.id) });
  return { applicantId, afterSurvey, afterOverride };
}

const rowOf = async (admin: ApiClient, id: string) =>
  (await admin.get('/api/applicants?limit=100'))
    .json()
    .items.find((r: { id: string }) => r.id === id);

describe('screened after the offer', () => {
  test('a survey signed after the offer is flagged on the dashboard and on Filing, never ready', async () => {
    const org = await organization();
    const hired = await signedHire(org, { offeredOn: daysAgo(5), hiredOn: daysAgo(4) });
    const late = hired.applicantId;
    // Stored for the Filing queries as soon as the survey is signed, and listed after the override.
    expect(hired.afterSurvey).toMatchObject({ phase: null, screenedAfterOffer: true });
    expect(hired.afterOverride).toMatchObject({ phase: 'open', screenedAfterOffer: true });
    const row = await rowOf(org.admin, late);
    expect(row.filing.screenedAfterOffer).toEqual({
      signedOn: expect.any(String),
      offeredOn: daysAgo(5),
      hiredOn: daysAgo(4),
      comparedWith: 'offeredOn',
    });
    expect(row.filing.missing).toEqual(['screened_after_offer']);
    expect(row.filing.bucket).toBe('in_progress');

    const summary = (await org.admin.get('/api/filing/summary')).json();
    expect(summary.screenedAfterOffer).toBe(1);
    expect(summary.buckets).toMatchObject({ ready: 0, in_progress: 1 });
    const [listed] = (await org.admin.get('/api/filing?bucket=in_progress')).json().items;
    expect(listed).toMatchObject({
      id: late,
      filing: { screenedAfterOffer: { comparedWith: 'offeredOn' } },
    });
    expect((await org.admin.get('/api/filing?bucket=ready')).json().items).toEqual([]);
  });

  test('a survey signed before the offer is in time: ready to file', async () => {
    const org = await organization();
    const { applicantId: inTime } = await signedHire(org, {
      offeredOn: daysAgo(-3),
      hiredOn: daysAgo(-3),
    });
    const row = await rowOf(org.admin, inTime);
    expect(row.filing).toMatchObject({ screenedAfterOffer: null, missing: [], bucket: 'ready' });
    const summary = (await org.admin.get('/api/filing/summary')).json();
    expect(summary).toMatchObject({ screenedAfterOffer: 0, buckets: { ready: 1 } });
  });

  test('without an offer date the hire date is compared', async () => {
    const org = await organization();
    const { applicantId: id } = await signedHire(org, { hiredOn: daysAgo(5) });
    const page = (await org.admin.get(`/api/applicants/${id}`)).json();
    expect(page.filing.screenedAfterOffer).toMatchObject({
      comparedWith: 'hiredOn',
      hiredOn: daysAgo(5),
    });
    expect(page.filing.missing).toEqual(['hire_dates', 'screened_after_offer']);
  });

  test("the signing day is counted in the organization's time zone; a new zone re-decides", async () => {
    const org = await organization();
    const { applicantId } = await hiredApplicant(t.app, org.id, {});
    await org.admin.put(
      `/api/applicants/${applicantId}/hire`,
      hireBody({ offeredOn: '2031-01-04' }),
    );
    // Signed at 05:30 UTC on the 5th: 23:30 on the 4th in Chicago (the offer day: in time), 00:30
    // on the 5th in New York (the day after the offer).
    const _id = new Types.ObjectId(applicantId);
    await t.db.collection('applicants').updateOne(
      { _id },
      {
        $set: {
          'survey.status': 'submitted',
          'survey.submittedAt': new Date('2031-01-05T05:30:00Z'),
        },
      },
    );
    await refreshFilingFacts(t.app, { _id, organizationId: new Types.ObjectId(org.id) });
    expect((await org.admin.get('/api/filing/summary')).json().screenedAfterOffer).toBe(0);

    await org.admin.patch('/api/organization/settings', {
      employer: employerProfile({ timeZone: 'America/New_York' }),
    });
    expect((await org.admin.get('/api/filing/summary')).json().screenedAfterOffer).toBe(1);
    expect(
      (await org.admin.get(`/api/applicants/${applicantId}`)).json().filing.screenedAfterOffer,
    ).toEqual({
      signedOn: '2031-01-05',
      offeredOn: '2031-01-04',
      hiredOn: null,
      comparedWith: 'offeredOn',
    });
  });
});
