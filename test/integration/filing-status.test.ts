import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '@eligo/shared/wotc';
import type { ApiClient } from '../support/http.ts';
import {
  employerToday,
  hiredToday,
  putHire,
  readyHire,
  screenedApplicant,
  filingTestApp,
  type FilingTestApp,
} from '../support/filing.ts';

/**
 * Issue 20 item 5: what the state did, per applicant — allowed moves only, dates not before the
 * start, a late submission recorded and flagged, each change on the timeline and in the audit log;
 * and the same from a determinations CSV, all or nothing.
 */
let t: FilingTestApp;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await filingTestApp(import.meta.filename, 'Status Org');
  admin = t.admin;
  member = t.member;
});
afterAll(() => t?.close());

const orgId = () => t.org.organizationId;
const record = (id: string, body: Record<string, unknown>) =>
  admin.post(`/api/applicants/${id}/filing`, body);
const filingEvents = async (id: string) =>
  (await admin.get(`/api/applicants/${id}`))
    .json()
    .timeline.filter((e: { type: string }) => e.type === 'filing_recorded')
    .map((e: { data: Record<string, unknown> }) => e.data.status);

describe('filing status', () => {
  test('submitted then certified: on the page, the dashboard row, the timeline and the audit log', async () => {
    const id = await readyHire(t.app, orgId(), admin);
    const today = employerToday();
    const buckets = async () => (await admin.get('/api/filing/summary')).json().buckets;
    const before = await buckets();
    const submitted = await record(id, {
      status: 'submitted',
      on: today,
      method: 'portal',
      reference: 'TX-2291',
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().filing.status).toEqual({
      state: 'submitted',
      submission: { on: today, method: 'portal', reference: 'TX-2291', late: false },
      determination: null,
    });
    const certified = await record(id, {
      status: 'certified',
      on: today,
      targetGroup: 'G',
      certificationNumber: 'C-77',
    });
    expect(certified.statusCode).toBe(200);
    expect(certified.json().filing.status.determination).toEqual({
      state: 'certified',
      on: today,
      targetGroup: 'G',
      certificationNumber: 'C-77',
      reason: null,
    });
    expect(certified.json().filing.bucket).toBe('filed');
    expect(await filingEvents(id)).toEqual(['submitted', 'certified']);
    // The Filing screen's counts follow at the next read (they are kept between writes).
    const after = await buckets();
    expect([after.ready, after.filed]).toEqual([before.ready - 1, before.filed + 1]);

    const rows = (await admin.get('/api/applicants?limit=100')).json().items;
    expect(rows.find((r: { id: string }) => r.id === id).filing.status.state).toBe('certified');

    const audits = await t.db
      .collection('audit_records')
      .find({
        organizationId: new Types.ObjectId(orgId()),
        'target.id': id,
        action: 'filing_recorded',
      })
      .sort({ at: 1 })
      .toArray();
    expect(audits.map((a) => [a.action, a.detail.status])).toEqual([
      ['filing_recorded', 'submitted'],
      ['filing_recorded', 'certified'],
    ]);
    // Saying again what is recorded changes nothing.
    expect(
      (
        await record(id, {
          status: 'certified',
          on: today,
          targetGroup: 'G',
          certificationNumber: 'C-77',
        })
      ).statusCode,
    ).toBe(200);
    expect(await filingEvents(id)).toEqual(['submitted', 'certified']);
  });

  test('out of order, misplaced fields and early dates are refused and change nothing', async () => {
    const id = await readyHire(t.app, orgId(), admin);
    const today = employerToday();
    const never = await record(id, { status: 'certified', on: today, targetGroup: 'G' });
    expect(never.statusCode).toBe(409);
    expect(never.json().code).toBe('FILING_TRANSITION_INVALID');
    const early = await record(id, { status: 'submitted', on: addDays(today, -1), method: 'mail' });
    expect(early.statusCode).toBe(400);
    expect(early.json().details).toEqual([{ path: '/body/on', message: expect.any(String) }]);
    expect((await record(id, { status: 'submitted', on: today, method: 'mail' })).statusCode).toBe(
      200,
    );
    const numbered = await record(id, {
      status: 'denied',
      on: today,
      reason: 'Not a member of any group',
      certificationNumber: 'C-1',
    });
    expect(numbered.statusCode).toBe(400);
    expect(numbered.json().details).toContainEqual({
      path: '/body/certificationNumber',
      message: expect.stringMatching(/does not belong/),
    });
    expect((await record(id, { status: 'denied', on: today })).statusCode).toBe(400);
    expect(await filingEvents(id)).toEqual(['submitted']);
    expect(
      (await member.post(`/api/applicants/${id}/filing`, { status: 'held', on: today })).statusCode,
    ).toBe(403);
  });

  test('a submission after the 28-day deadline is recorded and flagged', async () => {
    const id = await screenedApplicant(t.app, orgId());
    const today = employerToday();
    await putHire(
      admin,
      id,
      hiredToday({
        offeredOn: addDays(today, -42),
        hiredOn: addDays(today, -41),
        startedOn: addDays(today, -40),
      }),
    );
    const res = await record(id, { status: 'submitted', on: today, method: 'fax' });
    expect(res.statusCode).toBe(200);
    expect(res.json().filing.status.submission.late).toBe(true);
    const page = (await admin.get(`/api/applicants/${id}`)).json();
    const event = page.timeline.find((e: { type: string }) => e.type === 'filing_recorded');
    expect(event.data).toMatchObject({ status: 'submitted', late: true });
  });
});

describe('determinations CSV', () => {
  const HEADER = 'employee,status,on,target_group,certification_number,reason';
  const upload = (body: string, query = '') =>
    admin.request('POST', `/api/filing/determinations/import${query}`, body, {
      'content-type': 'text/csv',
    });

  async function submittedHire(email: string) {
    const id = await readyHire(t.app, orgId(), admin, { email });
    await record(id, { status: 'submitted', on: employerToday(), method: 'portal' });
    return id;
  }

  test('is applied as a whole, once; a dry run writes nothing; unknown people are reported', async () => {
    const tag = new Types.ObjectId().toHexString().slice(-6);
    const certified = await submittedHire(`cert-${tag}@example.com`);
    const denied = await submittedHire(`deny-${tag}@example.com`);
    const today = employerToday();
    const file = [
      HEADER,
      `cert-${tag}@example.com,certified,${today},G,C-9,`,
      `DENY-${tag}@example.com,denied,${today},,,"No proof of SNAP, per the state"`,
      `nobody-${tag}@example.com,held,${today},,,`,
    ].join('\r\n');

    const dry = await upload(file, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2, unknown: 1 });
    expect(await filingEvents(certified)).toEqual(['submitted']);

    const applied = await upload(file);
    expect(applied.json()).toMatchObject({ dryRun: false, created: 2, updated: 0, unknown: 1 });
    expect(applied.json().unknownEmployees).toEqual([
      { line: 4, employee: `nobody-${tag}@example.com`, reason: 'not_found' },
    ]);
    const page = (await admin.get(`/api/applicants/${denied}`)).json();
    expect(page.filing.status.determination).toMatchObject({
      state: 'denied',
      reason: 'No proof of SNAP, per the state',
    });
    expect(await filingEvents(certified)).toEqual(['submitted', 'certified']);

    const again = await upload(file);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await filingEvents(certified)).toEqual(['submitted', 'certified']);
  });

  test('one bad row rejects the file with every row’s error and changes nothing', async () => {
    const tag = new Types.ObjectId().toHexString().slice(-6);
    const ok = await submittedHire(`ok-${tag}@example.com`);
    const neverSubmitted = await readyHire(t.app, orgId(), admin, {
      email: `new-${tag}@example.com`,
    });
    const today = employerToday();
    const lines = (file: string[]) => upload([HEADER, ...file].join('\n'));
    const errorLines = (res: { json(): { details: Array<{ line: number }> } }) =>
      res.json().details.map((d) => d.line);
    // A row wrong in itself (a certification number on a denial) is found before anything else…
    const shape = await lines([
      `ok-${tag}@example.com,certified,${today},G,,`,
      `new-${tag}@example.com,denied,${today},,C-1,Not eligible`,
    ]);
    expect(shape.statusCode).toBe(400);
    expect(errorLines(shape)).toEqual([3]);
    // …then every row against what is recorded: no certification of what was never submitted.
    const order = await lines([
      `ok-${tag}@example.com,certified,${today},G,,`,
      `new-${tag}@example.com,certified,${today},G,,`,
    ]);
    expect(order.statusCode).toBe(400);
    expect(errorLines(order)).toEqual([3]);
    expect(await filingEvents(ok)).toEqual(['submitted']);
    expect(await filingEvents(neverSubmitted)).toEqual([]);
  });
});
