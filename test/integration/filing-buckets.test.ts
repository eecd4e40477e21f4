import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshFilingFacts } from '@eligo/server/modules/applicants/index';
import { testClock } from '../support/clock.ts';
import { createOrganization, createUser, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerProfile, hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * The Filing screen's buckets as days pass: the app's clock is injected and moved, never today's
 * date. The organization is in Illinois: its days begin at midnight in Chicago.
 */
const clock = testClock('2031-01-10T17:00:00Z'); // 11:00 in Chicago
let t: OrgTestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { clock });
});
afterAll(() => t?.close());

/** An organization of its own (each test counts its own hires), with a complete profile. */
async function organization(profile = employerProfile()) {
  const org = await createOrganization(t.app);
  const admin = await signedIn(t.app, org.admin);
  await admin.patch('/api/organization/settings', { employer: profile });
  const member = await signedIn(t.app, await createUser(t.app, org.organizationId));
  return { id: org.organizationId, admin, member };
}

/**
 * What issue 20 will record through its own routes (the applicant's and the employer's
 * signatures, the state's answer), written here straight to the record; then the facts are
 * refreshed as those routes will do.
 */
async function record(
  organizationId: string,
  applicantId: string,
  set: Record<string, unknown>,
): Promise<void> {
  const _id = new Types.ObjectId(applicantId);
  await t.db.collection('applicants').updateOne({ _id }, { $set: set });
  await refreshFilingFacts(t.app, { _id, organizationId: new Types.ObjectId(organizationId) });
}

const signedSurvey = (at: string) => ({
  'survey.status': 'submitted',
  'survey.submittedAt': new Date(at),
});
/** The employer's signature of the hire below (it counts only while the hire has these values). */
const employerSigned = (startedOn: string | null) => ({
  'filing.employerSignature': {
    recordId: new Types.ObjectId(),
    signedAt: new Date('2031-01-06T15:00:00Z'),
    signedBy: 'Pat Doe',
    title: 'HR Manager',
    userId: new Types.ObjectId(),
    covers: {
      offeredOn: '2030-12-15',
      hiredOn: '2030-12-20',
      startedOn,
      position: 'Picker',
      startingWage: 17.25,
      employedInState: 'IL',
    },
  },
});

/** A hire with everything but what `complete` leaves out. */
async function hire(
  org: { id: string; admin: ApiClient },
  startedOn: string | null,
  {
    complete = false,
    anticipatedStartOn,
  }: { complete?: boolean; anticipatedStartOn?: string } = {},
) {
  const { applicantId } = await hiredApplicant(t.app, org.id, {
    ...(anticipatedStartOn ? { anticipatedStartOn } : {}),
  });
  const res = await org.admin.put(
    `/api/applicants/${applicantId}/hire`,
    hireBody({
      offeredOn: '2030-12-15',
      hiredOn: '2030-12-20',
      startedOn,
      position: 'Picker',
      startingWage: 17.25,
      employedInState: 'IL',
    }),
  );
  expect(res.statusCode).toBe(200);
  if (complete) {
    await record(org.id, applicantId, {
      ...signedSurvey('2030-12-10T16:00:00Z'),
      ...employerSigned(startedOn),
    });
  }
  return applicantId;
}

async function summary(client: ApiClient) {
  const res = await client.get('/api/filing/summary');
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function bucket(client: ApiClient, name: string) {
  const res = await client.get(`/api/filing?bucket=${name}`);
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((row: { id: string; filing: { daysLeft: number } }) => [
      row.id,
      row.filing.daysLeft,
    ]);
}

describe('buckets as the days pass', () => {
  test('in progress → due within 7 days → due today → overdue at midnight in Chicago', async () => {
    clock.set('2031-01-10T17:00:00Z');
    const org = await organization();
    const open = await hire(org, '2031-01-01'); // due 2031-01-29, signatures missing
    const ready = await hire(org, '2031-01-05', { complete: true }); // due 2031-02-02
    const waiting = await hire(org, null, { anticipatedStartOn: '2031-01-20' });
    const filed = await hire(org, '2031-01-02', { complete: true });
    await record(org.id, filed, {
      'filing.status': {
        state: 'submitted',
        submission: { on: '2031-01-08', method: 'portal', reference: null, late: false },
        determination: null,
      },
    });

    const s = await summary(org.member);
    expect(s).toMatchObject({
      today: '2031-01-10',
      timeZone: 'America/Chicago',
      buckets: { needs_start_date: 1, in_progress: 1, ready: 1, filed: 1, due_soon: 0, overdue: 0 },
      screenedAfterOffer: 0,
    });
    expect(await bucket(org.member, 'in_progress')).toEqual([[open, 19]]);
    expect(await bucket(org.member, 'ready')).toEqual([[ready, 23]]);
    expect(await bucket(org.member, 'needs_start_date')).toEqual([[waiting, 38]]);
    expect(await bucket(org.member, 'filed')).toEqual([[filed, 20]]);

    clock.set('2031-01-22T17:00:00Z'); // 7 days left
    expect((await summary(org.member)).buckets).toMatchObject({
      in_progress: 0,
      due_soon: 1,
      ready: 1,
    });
    expect(await bucket(org.member, 'due_soon')).toEqual([[open, 7]]);

    clock.set('2031-01-30T05:59:00Z'); // 23:59 on the 29th in Chicago: the due day
    expect(await bucket(org.member, 'due_soon')).toEqual([[open, 0]]);
    expect((await summary(org.member)).today).toBe('2031-01-29');

    clock.set('2031-01-30T06:00:00Z'); // midnight in Chicago
    expect(await bucket(org.member, 'overdue')).toEqual([[open, -1]]);
    expect((await summary(org.member)).buckets).toMatchObject({
      due_soon: 0,
      overdue: 1,
      ready: 1,
    });

    clock.set('2031-02-03T17:00:00Z'); // the ready one's due day passed too
    expect(await bucket(org.member, 'overdue')).toEqual([
      [open, -5],
      [ready, -1],
    ]);
    expect((await summary(org.member)).buckets).toMatchObject({ ready: 0, overdue: 2, filed: 1 });
  });

  test('until the employer profile is complete nothing is ready', async () => {
    clock.set('2031-01-10T17:00:00Z');
    const org = await organization({ ...employerProfile(), ein: null });
    const soon = await hire(org, '2031-01-08', { complete: true }); // due 2031-02-05: in progress
    const s = await summary(org.member);
    expect(s.buckets).toMatchObject({ ready: 0, in_progress: 1 });
    expect(s.employer.missing).toEqual(['ein']);
    expect(await bucket(org.member, 'ready')).toEqual([]);
    const [row] = (await org.member.get('/api/filing?bucket=in_progress')).json().items;
    expect(row).toMatchObject({ id: soon, filing: { missing: ['employer_profile'] } });

    await org.admin.patch('/api/organization/settings', { employer: employerProfile() });
    expect((await summary(org.member)).buckets).toMatchObject({ ready: 1, in_progress: 0 });
  });

  test('not qualified hires are not on Filing; an override brings them back', async () => {
    clock.set('2031-01-10T17:00:00Z');
    const org = await organization();
    const id = await hire(org, '2031-01-05');
    await record(org.id, id, { wotcStatus: 'not_qualified' });
    expect((await summary(org.member)).buckets.in_progress).toBe(0);
    await record(org.id, id, { wotcStatus: 'pre_qualified' });
    expect((await summary(org.member)).buckets.in_progress).toBe(1);
  });
});

describe('the list', () => {
  test('pages most urgent first, without repeats; filters by state and name', async () => {
    clock.set('2031-01-10T17:00:00Z');
    const org = await organization(employerProfile({ employmentStates: ['IL', 'IN'] }));
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { applicantId } = await hiredApplicant(t.app, org.id, {}, { name: `Worker ${i}` });
      await org.admin.put(
        `/api/applicants/${applicantId}/hire`,
        hireBody({
          startedOn: `2031-01-${String(12 - i).padStart(2, '0')}`,
          employedInState: i % 3 === 0 ? 'IN' : 'IL',
        }),
      );
      ids.push(applicantId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await org.member.get(`/api/filing?limit=5${query}`)).json();
      seen.push(...page.items.map((row: { id: string }) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse()); // the earliest start is due first

    const indiana = (await org.member.get('/api/filing?state=IN')).json().items;
    expect(
      indiana.map((row: { hire: { employedInState: string } }) => row.hire.employedInState),
    ).toEqual(['IN', 'IN', 'IN', 'IN']);
    const named = (await org.member.get('/api/filing?q=worker%2011')).json().items;
    expect(named.map((row: { name: string }) => row.name)).toEqual(['Worker 11']);
    expect((await org.member.get('/api/filing?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});
