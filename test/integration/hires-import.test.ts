import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicantIdFor } from '@eligo/server/modules/applicants/registration.service';
import { createUser, registerTestApplicant, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import {
  HIRES_HEADER,
  employerProfile,
  hireBody,
  hiredApplicant,
  uploadHires,
} from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/** POST /api/hires/import: hires as CSV, all or nothing, idempotent, nobody invented. */
let t: OrgTestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
  admin = t.admin;
  await admin.patch('/api/organization/settings', {
    employer: employerProfile({ employmentStates: ['IL', 'IN'] }),
  });
});
afterAll(() => t?.close());

const hireOf = async (id: string) => (await admin.get(`/api/applicants/${id}`)).json().hire;
const csv = (lines: string[], eol = '\n') => [HIRES_HEADER, ...lines].join(eol) + eol;

async function applicants(count: number) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const { applicant } = await registerTestApplicant(t.app, t.org.organizationId, {
        email: `hire-${randomUUID().slice(0, 8)}@example.com`,
      });
      return {
        id: applicant._id.toHexString(),
        opportunityId: applicant.lever!.opportunityId,
        email: applicant.email,
      };
    }),
  );
}

describe('a valid file', () => {
  test('records hires by opportunity id or email; the same file again changes nothing', async () => {
    const [a, b] = await applicants(2);
    const file = csv([
      `${a!.opportunityId},2031-02-20,2031-02-24,2031-03-03,Picker,17.25,IL`,
      `${b!.email.toUpperCase()},,,2031-03-10,,,`,
    ]);
    const first = await uploadHires(admin, file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      dryRun: false,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      unknown: 0,
      unknownEmployees: [],
    });
    expect(await hireOf(a!.id)).toMatchObject({
      offeredOn: '2031-02-20',
      hiredOn: '2031-02-24',
      startedOn: '2031-03-03',
      position: 'Picker',
      startingWage: 17.25,
      employedInState: 'IL',
      source: 'csv',
      provenance: { startedOn: 'csv', position: 'csv' },
    });
    expect(await hireOf(b!.id)).toMatchObject({ startedOn: '2031-03-10', offeredOn: null });
    const events = await t.db.collection('applicant_events').countDocuments({ type: /^hire_/ });

    const again = await uploadHires(admin, file);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await t.db.collection('applicant_events').countDocuments({ type: /^hire_/ })).toBe(
      events,
    );
  });

  test('an empty cell keeps what is stored; a filled one is the uploader’s value', async () => {
    const { applicantId, opportunityId } = await hiredApplicant(t.app, t.org.organizationId, {
      offeredOn: '2031-02-20',
      position: 'Picker',
    });
    const res = await uploadHires(admin, csv([`${opportunityId},,,2031-03-03,Packer,,`]));
    expect(res.json()).toMatchObject({ updated: 1 });
    expect(await hireOf(applicantId)).toMatchObject({
      offeredOn: '2031-02-20',
      startedOn: '2031-03-03',
      position: 'Packer',
      provenance: { offeredOn: 'lever_webhook', position: 'csv', startedOn: 'csv' },
    });
  });

  test('a dry run says what would change and writes nothing', async () => {
    const [a] = await applicants(1);
    const res = await uploadHires(
      admin,
      csv([`${a!.opportunityId},,,2031-03-03,,,`]),
      '?dryRun=true',
    );
    expect(res.json()).toMatchObject({ dryRun: true, rows: 1, created: 1 });
    expect(await hireOf(a!.id)).toBeNull();
  });

  test('people Eligo never screened are reported, never created', async () => {
    const [a] = await applicants(1);
    const count = await t.db.collection('applicants').countDocuments();
    const res = await uploadHires(
      admin,
      csv([
        `never-screened-opportunity,,,2031-03-03,,,`,
        `${a!.opportunityId},,,2031-03-03,,,`,
        `nobody@example.com,,,2031-03-03,,,`,
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1,
      unknown: 2,
      unknownEmployees: [
        { line: 2, employee: 'never-screened-opportunity', reason: 'not_found' },
        { line: 4, employee: 'nobody@example.com', reason: 'not_found' },
      ],
    });
    expect(await t.db.collection('applicants').countDocuments()).toBe(count);
  });

  test('an email several applications share is ambiguous: reported, not guessed', async () => {
    const email = `twice-${randomUUID().slice(0, 8)}@example.com`;
    await registerTestApplicant(t.app, t.org.organizationId, { email });
    await registerTestApplicant(t.app, t.org.organizationId, { email });
    const res = await uploadHires(admin, csv([`${email},,,2031-03-03,,,`]));
    expect(res.json()).toMatchObject({
      unknown: 1,
      unknownEmployees: [{ line: 2, employee: email, reason: 'ambiguous' }],
    });
  });

  test('a BOM, CRLF line ends and a quoted comma are read as meant', async () => {
    const [a] = await applicants(1);
    const file = `\uFEFF${csv([`${a!.opportunityId},,,2031-03-03,"Picker, nights","1,017.25",il`], '\r\n')}`;
    const res = await uploadHires(admin, file);
    expect(res.statusCode).toBe(200);
    expect(await hireOf(a!.id)).toMatchObject({
      position: 'Picker, nights',
      startingWage: 1017.25,
      employedInState: 'IL',
    });
  });
});

describe('a bad file changes nothing', () => {
  test('one bad row refuses the whole file, with every row’s error by line and column', async () => {
    const [a, b, c, d] = await applicants(4);
    const res = await uploadHires(
      admin,
      csv([
        `${a!.opportunityId},,,2031-03-03,,,`,
        `${b!.opportunityId},2031-02-30,,,,,`,
        `${c!.opportunityId},2031-02-20,2031-02-19,,,,`,
        `${a!.opportunityId},,,2031-03-04,,,`,
        `${d!.opportunityId},,,2031-03-03,,$17,ZZ`,
        `${c!.email},,,,,,`,
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'CSV_INVALID',
      message: '5 rows have errors; nothing was imported',
    });
    const details = res
      .json()
      .details.map((d: { line: number; column?: string }) => [d.line, d.column]);
    expect(details).toEqual([
      [3, 'offered_on'],
      [4, 'hired_on'],
      [5, 'employee'],
      [6, 'starting_wage'],
      [6, 'state'],
      [7, 'employee'],
    ]);
    for (const x of [a, b, c, d]) expect(await hireOf(x!.id)).toBeNull();
  });

  test('a row that contradicts what is stored refuses the file (the error names the cell)', async () => {
    const { applicantId, opportunityId } = await hiredApplicant(t.app, t.org.organizationId);
    await admin.put(`/api/applicants/${applicantId}/hire`, hireBody({ hiredOn: '2031-02-24' }));
    const [other] = await applicants(1);
    const res = await uploadHires(
      admin,
      csv([`${other!.opportunityId},,,2031-03-03,,,`, `${opportunityId},,,2031-02-20,,,`]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      {
        path: '/body/3/started_on',
        line: 3,
        column: 'started_on',
        message:
          'The start date (2031-02-20) is before the hire date (2031-02-24). (with what Eligo has recorded)',
      },
    ]);
    expect(await hireOf(other!.id)).toBeNull();
  });

  test('the same person named by id and by email is an error on the later line', async () => {
    const [a] = await applicants(1);
    const res = await uploadHires(
      admin,
      csv([`${a!.opportunityId},,,2031-03-03,,,`, `${a!.email},,,2031-03-04,,,`]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'employee',
        message: 'The same person as line 2',
      }),
    ]);
  });

  test('a wrong header names the expected one', async () => {
    const res = await uploadHires(admin, 'employee,start\nx,2031-03-03\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(HIRES_HEADER);
  });

  test('JSON is not a CSV (415); members may not upload (403)', async () => {
    expect((await admin.post('/api/hires/import', { rows: [] })).statusCode).toBe(415);
    const member = await signedIn(t.app, await createUser(t.app, t.org.organizationId));
    expect((await uploadHires(member, csv(['x,,,2031-03-03,,,']))).statusCode).toBe(403);
  });
});

describe('50,000 rows', () => {
  test(
    'a file of 50,000 rows is checked and applied in one upload; uploading it again changes nothing',
    { timeout: 600_000 },
    async () => {
      const organizationId = new Types.ObjectId(t.org.organizationId);
      const tag = randomUUID().slice(0, 8);
      const now = new Date();
      const opportunityIds = Array.from({ length: 50_000 }, (_, i) => `bulk-${tag}-${i}`);
      // Every 25th row names someone Eligo screened (2,000, written straight to the database:
      // registering them through the service would take longer than the upload under test); the
      // other 48,000 name people it never screened.
      const known = opportunityIds.filter((_, i) => i % 25 === 0);
      await t.db.collection('applicants').insertMany(
        known.map((opportunityId) => ({
          _id: applicantIdFor(organizationId, opportunityId),
          organizationId,
          name: 'Bulk Person',
          email: '',
          emailNormalized: null,
          searchTokens: ['bulk', 'person'],
          sortName: 'bulk person',
          lever: {
            integrationId: null,
            opportunityId,
            applicationId: null,
            contactId: null,
            postingId: null,
          },
          appliedAt: now,
          survey: { status: 'submitted', submittedAt: now },
          wotcStatus: 'pre_qualified',
          tagSync: { state: 'none' },
          hire: null,
          filing: null,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const lines = opportunityIds.map(
        (id, i) =>
          `${id},2031-02-20,2031-02-24,2031-03-${String((i % 28) + 1).padStart(2, '0')},Picker,"1,017.25",IN`,
      );
      const file = csv(lines, '\r\n');
      const started = Date.now();
      const res = await uploadHires(admin, file);
      const seconds = (Date.now() - started) / 1000;
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        rows: 50_000,
        created: 2_000,
        updated: 0,
        unchanged: 0,
        unknown: 48_000,
      });
      // The first 500 unknown rows are listed (lines 3–27 and so on: every 25th row is known).
      expect(res.json().unknownEmployees).toHaveLength(500);
      expect(res.json().unknownEmployees[0]).toEqual({
        line: 3,
        employee: opportunityIds[1],
        reason: 'not_found',
      });
      console.log(
        `[hires import] 50,000 rows (${(file.length / 1e6).toFixed(1)} MB, 2,000 hires written) in ${seconds.toFixed(1)} s`,
      );
      const stored = await t.db.collection('applicants').findOne({
        _id: applicantIdFor(organizationId, known.at(-1)!),
      });
      expect(stored?.hire).toMatchObject({
        startedOn: '2031-03-24',
        employedInState: 'IN',
        startingWage: 1017.25,
        version: 1,
      });
      expect(stored?.filing).toMatchObject({ phase: 'open', sortOn: '2031-04-21' });

      const again = await uploadHires(admin, file);
      expect(again.json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 2_000,
        unknown: 48_000,
      });
    },
  );
});
