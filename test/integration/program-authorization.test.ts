import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { answerSurvey } from '../support/applicants.ts';
import { signedIn } from '../support/factories.ts';
import { employerProfile, hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * WOTC_AUTHORIZED_THROUGH (docs/credits.md §2) is read, never stored: the same database served by an
 * instance with another setting (an operator's restart after Congress acts) shows another result
 * notice and another Filing "held by the state", with nothing migrated. Start dates are fixed, so
 * the outcome never depends on today.
 */
let t: OrgTestApp;
const others: TestApp[] = [];

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
  await t.admin.patch('/api/organization/settings', { employer: employerProfile() });
});
afterAll(async () => {
  for (const other of others) await other.close();
  await t?.close();
});

/** Another API instance on the same database, with `WOTC_AUTHORIZED_THROUGH` set. */
async function instanceWith(authorizedThrough: string) {
  const other = await createTestApp(import.meta.filename, {
    databaseOf: t,
    env: { WOTC_AUTHORIZED_THROUGH: authorizedThrough },
  });
  others.push(other);
  return signedIn(other.app, t.org.admin);
}

/** A hire who signed the survey and started on `startedOn`. */
async function hireStartedOn(startedOn: string) {
  const { applicantId } = await hiredApplicant(t.app, t.org.organizationId);
  await answerSurvey(t.app, t.org.organizationId, applicantId);
  const put = await t.admin.put(
    `/api/applicants/${applicantId}/hire`,
    hireBody({ startedOn, position: 'Picker', startingWage: 16, employedInState: 'IL' }),
  );
  expect(put.statusCode).toBe(200);
  // All "no" is Not Qualified, which Filing leaves out: an admin's decision brings it back.
  const override = await t.admin.post(`/api/applicants/${applicantId}/wotc-status`, {
    status: 'pre_qualified',
    reason: 'Checked with the state',
  });
  expect(override.statusCode).toBe(200);
  return applicantId;
}

type Client = Awaited<ReturnType<typeof instanceWith>>;
async function seen(client: Client, applicantId: string) {
  const detail = (await client.get(`/api/applicants/${applicantId}`)).json();
  return {
    notice: detail.eligibility.flags.some(
      (flag: { code: string }) => flag.code === 'program_not_authorized',
    ),
    programAuthorized: detail.filing.programAuthorized,
  };
}

describe('WOTC_AUTHORIZED_THROUGH moves the program end without a migration', () => {
  test('an extension clears the notice and the hold of a hire who started after the old end', async () => {
    const applicantId = await hireStartedOn('2026-01-05');
    expect(await seen(t.admin, applicantId)).toEqual({ notice: true, programAuthorized: false });
    const extended = await instanceWith('2030-12-31');
    expect(await seen(extended, applicantId)).toEqual({ notice: false, programAuthorized: true });
    const filing = (await extended.get('/api/filing?limit=100')).json();
    const row = filing.items.find((r: { id: string }) => r.id === applicantId);
    expect(row.filing.programAuthorized).toBe(true);
    // The default instance still says what the table says: nothing was written.
    expect(await seen(t.admin, applicantId)).toEqual({ notice: true, programAuthorized: false });
  });

  test('an earlier end flags a hire the table covers', async () => {
    const applicantId = await hireStartedOn('2025-09-01');
    expect(await seen(t.admin, applicantId)).toEqual({ notice: false, programAuthorized: true });
    const shortened = await instanceWith('2025-06-30');
    expect(await seen(shortened, applicantId)).toEqual({ notice: true, programAuthorized: false });
    const reason = (await shortened.get(`/api/applicants/${applicantId}`))
      .json()
      .eligibility.flags.find((f: { code: string }) => f.code === 'program_not_authorized').reason;
    expect(reason).toContain('06/30/2025'); // reasons name dates as US readers write them
  });
});
