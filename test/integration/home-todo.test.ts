import type { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testClock } from '../support/clock.ts';
import { createUser, registerTestApplicant, signedIn } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { hireBody, hiredApplicant, organizationWithEmployer } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * `GET /api/home/todo`: the counts behind the admin home's to-do list, on an injected clock (never
 * today's date). Each test has an organization of its own.
 */
const clock = testClock('2031-01-10T17:00:00Z');
let t: OrgTestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { clock });
});
afterAll(() => t?.close());

const organization = () => organizationWithEmployer(t.app);

async function todo(client: ApiClient) {
  const res = await client.get('/api/home/todo');
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** A state the survey and Lever modules reach through jobs and mail, written straight to the record. */
async function set(applicantId: Types.ObjectId, fields: Record<string, unknown>): Promise<void> {
  await t.db.collection('applicants').updateOne({ _id: applicantId }, { $set: fields });
}

const hours = (n: number) => new Date(clock.now().getTime() + n * 3_600_000);

describe('the home to-do counts', () => {
  test('a new organization has nothing to do', async () => {
    const { admin } = await organization();
    expect(await todo(admin)).toEqual({
      missingEmail: 0,
      surveysExpiringSoon: 0,
      expiringWithinHours: 48,
      failedTags: 0,
      hiresNeedingStartDate: 0,
      filingsDue: 0,
    });
  });

  test('applicants without an email, links about to expire and failed tags are counted', async () => {
    const org = await organization();
    await registerTestApplicant(t.app, org.id, { email: null });
    await registerTestApplicant(t.app, org.id, { email: null });
    const soon = (await registerTestApplicant(t.app, org.id)).applicant._id;
    const later = (await registerTestApplicant(t.app, org.id)).applicant._id;
    const gone = (await registerTestApplicant(t.app, org.id)).applicant._id;
    const failed = (await registerTestApplicant(t.app, org.id)).applicant._id;
    await set(soon, { 'survey.status': 'sent', 'survey.expiresAt': hours(30) });
    await set(later, { 'survey.status': 'opened', 'survey.expiresAt': hours(72) });
    await set(gone, { 'survey.status': 'sent', 'survey.expiresAt': hours(-1) });
    await set(failed, { 'tagSync.state': 'failed' });

    expect(await todo(org.admin)).toMatchObject({
      missingEmail: 2,
      surveysExpiringSoon: 1,
      failedTags: 1,
    });
    // A day later the 72-hour link is within two days too; the 30-hour one is not yet expired.
    clock.advance(25 * 3_600_000);
    try {
      expect(await todo(org.admin)).toMatchObject({ surveysExpiringSoon: 2 });
      clock.advance(6 * 3_600_000); // the 30-hour link has now expired: not "about to" any more
      expect(await todo(org.admin)).toMatchObject({ surveysExpiringSoon: 1 });
    } finally {
      clock.set('2031-01-10T17:00:00Z');
    }
  });

  test('hires without a start date and filings due within 7 days or overdue', async () => {
    const org = await organization();
    const hire = async (startedOn: string | null) => {
      const { applicantId } = await hiredApplicant(t.app, org.id);
      const res = await org.admin.put(
        `/api/applicants/${applicantId}/hire`,
        hireBody({
          offeredOn: '2030-12-01',
          hiredOn: '2030-12-05',
          startedOn,
          position: 'Picker',
          startingWage: 17.25,
          employedInState: 'IL',
        }),
      );
      expect(res.statusCode).toBe(200);
    };
    await hire(null);
    await hire('2030-12-20'); // due 2031-01-17: 7 days left, still missing signatures
    await hire('2030-12-10'); // due 2031-01-07: overdue
    await hire('2031-01-05'); // due 2031-02-02: in progress, not yet due
    expect(await todo(org.admin)).toMatchObject({ hiresNeedingStartDate: 1, filingsDue: 2 });
  });

  test('members may read them; other organizations and strangers see none of them', async () => {
    const org = await organization();
    await registerTestApplicant(t.app, org.id, { email: null });
    const member = await signedIn(t.app, await createUser(t.app, org.id));
    expect(await todo(member)).toMatchObject({ missingEmail: 1 });
    const other = await organization();
    expect(await todo(other.admin)).toMatchObject({ missingEmail: 0 });
    expect((await apiClient(t.app).get('/api/home/todo')).statusCode).toBe(401);
  });
});
