import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createOrganization,
  createUser,
  registerTestApplicant,
  signedIn,
} from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerProfile, hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/** PUT /api/applicants/:applicantId/hire: an admin confirms or corrects the hire. */
let t: OrgTestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
  admin = t.admin;
  await admin.patch('/api/organization/settings', { employer: employerProfile() });
});
afterAll(() => t?.close());

const put = (id: string, body: Record<string, unknown>) =>
  admin.put(`/api/applicants/${id}/hire`, body);
const page = async (id: string) => (await admin.get(`/api/applicants/${id}`)).json();
const audits = async (id: string) =>
  t.db.collection('audit_records').find({ 'target.id': id, action: 'hire_updated' }).toArray();

const confirmed = {
  offeredOn: '2031-02-20',
  hiredOn: '2031-02-24',
  startedOn: '2031-03-03',
  position: 'Picker',
  startingWage: 17.25,
  employedInState: 'IL',
};

describe('confirming a hire', () => {
  test("an admin confirms Lever's values and adds the start: each is theirs; the page shows the deadline", async () => {
    const { applicantId } = await hiredApplicant(t.app, t.org.organizationId, {
      offeredOn: '2031-02-20',
      hiredOn: '2031-02-24',
      anticipatedStartOn: '2031-03-02',
      position: 'Picker',
    });
    const before = await page(applicantId);
    expect(before.hire).toMatchObject({
      offeredOn: '2031-02-20',
      anticipatedStartOn: '2031-03-02',
      startedOn: null,
      employedInState: 'IL', // the employer's only employment state
      source: 'lever_webhook',
      provenance: { offeredOn: 'lever_webhook', startedOn: null, employedInState: 'lever_webhook' },
    });
    expect(before.filing).toMatchObject({
      bucket: 'needs_start_date',
      dueOn: '2031-03-30',
      dueOnBasis: 'anticipated_start',
    });

    const res = await put(applicantId, confirmed);
    expect(res.statusCode).toBe(200);
    expect(res.json().hire).toMatchObject({
      ...confirmed,
      anticipatedStartOn: '2031-03-02',
      source: 'lever_webhook',
      provenance: {
        offeredOn: 'admin',
        hiredOn: 'admin',
        anticipatedStartOn: 'lever_webhook',
        startedOn: 'admin',
        position: 'admin',
        startingWage: 'admin',
        employedInState: 'admin',
      },
    });
    expect(res.json().filing).toMatchObject({ dueOn: '2031-03-31', dueOnBasis: 'started' });
    const timeline = res.json().timeline.filter((e: { type: string }) => e.type.startsWith('hire'));
    expect(timeline.map((e: { type: string }) => e.type)).toEqual([
      'hire_recorded',
      'hire_updated',
    ]);
    expect(timeline[1].actor.kind).toBe('user');
    expect(timeline[1].data.fields).toContain('Start date 2031-03-03');
    expect(timeline[1].data.confirmed).toContain('Offer date 2031-02-20');

    const [audit] = await audits(applicantId);
    expect(audit).toMatchObject({
      action: 'hire_updated',
      reason: null,
      fields: expect.arrayContaining(['startedOn', 'offeredOn']),
      detail: { startedOn: '(none) → 2031-03-03', startingWage: '(none) → 17.25' },
    });
  });

  test('sending the same values again changes nothing and records nothing', async () => {
    const { applicantId } = await hiredApplicant(t.app, t.org.organizationId, {});
    await put(applicantId, confirmed);
    const events = (await page(applicantId)).timeline.length;
    const res = await put(applicantId, confirmed);
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline).toHaveLength(events);
    expect(await audits(applicantId)).toHaveLength(1);
  });

  test('changing a confirmed value needs a reason; the reason is on the timeline and in the audit', async () => {
    const { applicantId } = await hiredApplicant(t.app, t.org.organizationId, {});
    await put(applicantId, confirmed);
    const refused = await put(applicantId, { ...confirmed, startedOn: '2031-03-04' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'HIRE_REASON_REQUIRED',
      details: [{ path: '/body/reason', message: 'is required to change Start date' }],
    });
    expect((await page(applicantId)).hire.startedOn).toBe('2031-03-03');

    const res = await put(applicantId, {
      ...confirmed,
      startedOn: '2031-03-04',
      reason: 'First shift moved by a day',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().hire.startedOn).toBe('2031-03-04');
    const last = res.json().timeline.at(-1);
    expect(last).toMatchObject({
      type: 'hire_updated',
      data: { reason: 'First shift moved by a day' },
    });
    expect((await audits(applicantId)).at(-1)).toMatchObject({
      reason: 'First shift moved by a day',
      detail: { startedOn: '2031-03-03 → 2031-03-04' },
    });
  });

  test('correcting a value Lever set needs no reason', async () => {
    const { applicantId } = await hiredApplicant(t.app, t.org.organizationId, {
      offeredOn: '2031-02-20',
    });
    const res = await put(applicantId, hireBody({ offeredOn: '2031-02-19' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().hire.offeredOn).toBe('2031-02-19');
  });

  const refused: Array<[string, Record<string, unknown>, string, string]> = [
    ['an impossible day', { startedOn: '2031-02-30' }, '/body/startedOn', 'VALIDATION_FAILED'],
    [
      'a day not written YYYY-MM-DD',
      { hiredOn: '03/03/2031' },
      '/body/hiredOn',
      'VALIDATION_FAILED',
    ],
    [
      'a hire before the offer',
      { offeredOn: '2031-02-20', hiredOn: '2031-02-19' },
      '/body/hiredOn',
      'HIRE_DATES_INVALID',
    ],
    [
      'a start before the hire',
      { hiredOn: '2031-02-24', startedOn: '2031-02-23' },
      '/body/startedOn',
      'HIRE_DATES_INVALID',
    ],
    [
      'a start before the offer, no hire date',
      { offeredOn: '2031-02-20', startedOn: '2031-02-19' },
      '/body/startedOn',
      'HIRE_DATES_INVALID',
    ],
    [
      'a wage in tenths of cents',
      { startingWage: 17.255 },
      '/body/startingWage',
      'HIRE_DATES_INVALID',
    ],
    ['a negative wage', { startingWage: -1 }, '/body/startingWage', 'VALIDATION_FAILED'],
    ['a military state', { employedInState: 'AP' }, '/body/employedInState', 'VALIDATION_FAILED'],
    ['a field left out', { position: undefined }, '/body/position', 'VALIDATION_FAILED'],
  ];

  test.each(refused)(
    '%s → 400 naming the field; nothing changes',
    async (_what, values, path, code) => {
      const { applicantId } = await hiredApplicant(t.app, t.org.organizationId, {});
      const body = hireBody(values);
      for (const key of Object.keys(values))
        if (values[key] === undefined) delete (body as Record<string, unknown>)[key];
      const res = await put(applicantId, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
      expect((await page(applicantId)).hire.provenance.startedOn).toBeNull();
      expect(await audits(applicantId)).toHaveLength(0);
    },
  );

  test('the same day for offer, hire and start is fine', async () => {
    const { applicantId } = await hiredApplicant(t.app, t.org.organizationId, {});
    const day = { offeredOn: '2031-03-03', hiredOn: '2031-03-03', startedOn: '2031-03-03' };
    expect((await put(applicantId, hireBody(day))).statusCode).toBe(200);
  });

  test('an applicant without a hire gets one from the admin', async () => {
    const { applicant } = await registerTestApplicant(t.app, t.org.organizationId);
    const res = await put(applicant._id.toHexString(), hireBody({ startedOn: '2031-03-03' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().hire).toMatchObject({ source: 'admin', startedOn: '2031-03-03' });
    expect(res.json().timeline.at(-1).type).toBe('hire_recorded');
  });

  test("another organization's applicant is not found (404); a member may not (403)", async () => {
    const other = await createOrganization(t.app);
    const { applicantId } = await hiredApplicant(t.app, other.organizationId, {});
    const res = await put(applicantId, hireBody({ startedOn: '2031-03-03' }));
    expect(res.statusCode).toBe(404);
    const otherAdmin = await signedIn(t.app, other.admin);
    expect(
      (await otherAdmin.get(`/api/applicants/${applicantId}`)).json().hire.startedOn,
    ).toBeNull();

    const member = await signedIn(t.app, await createUser(t.app, t.org.organizationId));
    const mine = await hiredApplicant(t.app, t.org.organizationId, {});
    expect(
      (await member.put(`/api/applicants/${mine.applicantId}/hire`, hireBody())).statusCode,
    ).toBe(403);
  });
});
