import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import {
  createApplicantWithSurveyLink,
  createOrganization,
  createUser,
  registerTestApplicant,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { createLeverIntegration } from '../support/lever.ts';
import { exampleOf, operationsOf, pathParams, type OpenApiOperation } from '../support/openapi.ts';
import { answerSurvey } from '../support/applicants.ts';
import { snapshotOfOrganization } from '../support/snapshot.ts';
import { employerProfile, hireBody } from '../support/hires.ts';
import { employerSignature, hiredToday, putHire } from '../support/filing.ts';
import { certify, payrollCsv, uploadPayroll } from '../support/credits.ts';
import { daysAgo } from '../support/dates.ts';

/**
 * The cross-tenant sweep: an admin of organization A calls every route of the OpenAPI document
 * (so routes added later are covered automatically) with the ids of organization B's records.
 * Nothing of B may come back, and nothing of B may change.
 */
let t: TestApp;
let a: TestOrganization;
let b: TestOrganization;
/** Every id of organization B a request could name. */
let bIds: string[];
/** Strings that identify B's data; none may appear in any response to A. */
let bMarkers: string[];

const snapshotOfB = () => snapshotOfOrganization(t.db, b.organizationId);

beforeAll(async () => {
  // One sign-in per route and id: more than the default per-address login limit allows.
  t = await createTestApp(import.meta.filename, { env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
  a = await createOrganization(t.app, { name: 'Alpha Org' });
  b = await createOrganization(t.app, {
    name: 'Bravo Secret Org',
    adminEmail: 'bravo.admin@bravo.example',
  });
  const bMember = await createUser(t.app, b.organizationId, {
    email: 'bravo.member@bravo.example',
    name: 'Bravo Member Person',
  });
  // Give B an invited user too, through the API, so every kind of record exists.
  const bAdmin = await signedIn(t.app, b.admin);
  const invited = (
    await bAdmin.post('/api/users', {
      email: 'bravo.invitee@bravo.example',
      name: 'Bravo Invitee',
      role: 'member',
    })
  ).json();
  // …and an applicant with a survey link (the dashboard's records).
  const applicant = await createApplicantWithSurveyLink(t.app, b.organizationId, {
    firstName: 'Bravoapplicant',
    lastName: 'Zulu',
    email: 'applicant@bravo.example',
  });
  // …and one from Lever, answered, with a timeline (the applicant page's records).
  const fromLever = await registerTestApplicant(t.app, b.organizationId, {
    name: 'Bravoleverperson Yankee',
    email: 'lever.person@bravo.example',
    postingTitle: 'Bravo Secret Posting',
  });
  await answerSurvey(t.app, b.organizationId, fromLever.applicant._id.toHexString());
  // …hired, with B's employer profile, and signed for the employer (Filing, forms, packets).
  await bAdmin.patch('/api/organization/settings', {
    employer: employerProfile({ legalName: 'Bravo Legal Name', ein: '36-7654321' }),
  });
  await putHire(
    bAdmin,
    fromLever.applicant._id.toHexString(),
    hiredToday({ position: 'Bravo Secret Position', employedInState: 'IL' }),
  );
  const signed = await bAdmin.post('/api/filing/sign', {
    ...employerSignature,
    applicantIds: [fromLever.applicant._id.toHexString()],
  });
  if (signed.statusCode !== 200)
    throw new Error(`B's signature: ${signed.statusCode} ${signed.body}`);
  // …and a certified hire with payroll in this tax year (the Credits screen's records).
  const credited = await registerTestApplicant(t.app, b.organizationId, {
    name: 'Bravocredited Xray',
    email: 'credited.person@bravo.example',
  });
  const creditedId = credited.applicant._id.toHexString();
  await bAdmin.put(`/api/applicants/${creditedId}/hire`, hireBody({ startedOn: daysAgo(20) }));
  await certify(t.app, t.db, b.organizationId, creditedId, 'A');
  const payroll = await uploadPayroll(
    bAdmin,
    payrollCsv([
      `${credited.applicant.lever!.opportunityId},${daysAgo(20)},${daysAgo(7)},80,1234.56`,
    ]),
  );
  if (payroll.statusCode !== 200)
    throw new Error(`B's payroll: ${payroll.statusCode} ${payroll.body}`);
  // B sees its own line: so the sweep below would notice if A did too.
  if (!(await bAdmin.get('/api/credits')).body.includes('Bravocredited')) {
    throw new Error("B's ledger does not show its certified hire");
  }
  // …and a Lever integration (ATS Integrations screen).
  const integration = await createLeverIntegration(t.app, b.organizationId, 'acct-bravo-lever');
  bIds = [
    b.organizationId,
    b.admin.id,
    bMember.id,
    invited.id,
    applicant.applicantId,
    fromLever.applicant._id.toHexString(),
    creditedId,
    integration.id,
  ];
  bMarkers = [
    ...bIds,
    'Bravo Secret Org',
    'bravo.admin@bravo.example',
    'bravo.member@bravo.example',
    'bravo.invitee',
    'Bravo Member Person',
    'Bravo Invitee',
    'Bravoapplicant',
    'applicant@bravo.example',
    'Bravoleverperson',
    'lever.person@bravo.example',
    'Bravo Secret Posting',
    integration.publicId,
    'acct-bravo-lever',
    'Bravo Legal Name',
    '7654321',
    'Bravo Secret Position',
    // The applicant's SSN (on B's forms and packets).
    '123-45-6789',
    'Bravocredited',
    '1234.56',
  ];
});
afterAll(() => t.close());

describe('cross-tenant sweep over every route', () => {
  // One sign-in (an Argon2 verification) per route and id: minutes on a loaded two-core machine.
  test(
    'organization A cannot read or change organization B through any route',
    { timeout: 180_000 },
    async () => {
      const doc = (await apiClient(t.app).get('/api/docs/json')).json();
      const operations = operationsOf(doc);
      const before = await snapshotOfB();
      const visited: string[] = [];

      for (const op of operations) {
        const variants = pathParams(op.path).length > 0 ? bIds : [b.admin.id];
        for (const id of variants) {
          // A fresh session per call: some routes (logout, password change) end sessions.
          const client = await signedIn(t.app, a.admin);
          const url = op.path.replace(/\{[^}]+\}/g, id);
          const res = await client.request(
            op.method as OpenApiOperation['method'] & 'GET',
            url,
            op.method === 'GET' ? undefined : (exampleOf(op.requestBody, id) ?? {}),
          );
          const where = `${op.method} ${url}`;
          visited.push(`${op.method} ${op.path}`);
          if (pathParams(op.path).length > 0) {
            expect({ where, status: res.statusCode }).toMatchObject({
              where,
              status: expect.toSatisfy((s: number) => s === 404 || s === 403),
            });
          }
          for (const marker of bMarkers) {
            expect({ where, leaks: res.body.includes(marker) ? marker : null }).toEqual({
              where,
              leaks: null,
            });
          }
        }
      }

      expect(await snapshotOfB()).toBe(before);
      // B's people are still signed-in-able and unchanged.
      expect(
        (await signedIn(t.app, b.admin).then((c) => c.get('/api/auth/me'))).json().organization
          .name,
      ).toBe('Bravo Secret Org');
      // The sweep really covered the routes that take ids.
      expect(visited).toEqual(
        expect.arrayContaining([
          'PATCH /api/users/{id}',
          'POST /api/users/{id}/invitation',
          'GET /api/users',
          'GET /api/applicants',
          'GET /api/applicants/{applicantId}',
          'POST /api/applicants/{applicantId}/email',
          'POST /api/applicants/{applicantId}/survey/resend',
          'POST /api/applicants/{applicantId}/wotc-status',
          'POST /api/applicants/{applicantId}/tag-sync/retry',
          'POST /api/applicants/{applicantId}/ssn/reveal',
          'POST /api/applicants/{applicantId}/protected-answers/view',
          'POST /api/applicants/export',
          'GET /api/audit-records',
          'GET /api/integrations',
          'DELETE /api/integrations/{integrationId}',
          'POST /api/integrations/{integrationId}/webhook/regenerate',
          'PUT /api/integrations/{integrationId}/webhook/manual',
          'POST /api/webhooks/lever/{integrationId}',
          'PUT /api/applicants/{applicantId}/hire',
          'POST /api/hires/import',
          'GET /api/filing/summary',
          'GET /api/filing',
          'GET /api/account/preferences',
          'PATCH /api/account/preferences',
          'PATCH /api/organization/settings',
          'POST /api/applicants/{applicantId}/filing',
          'GET /api/applicants/{applicantId}/forms/8850.pdf',
          'GET /api/applicants/{applicantId}/forms/9061.pdf',
          'POST /api/filing/sign',
          'POST /api/filing/packets',
          'POST /api/filing/determinations/import',
          'POST /api/payroll/import',
          'GET /api/credits',
          'GET /api/credits/form-5884',
          'PUT /api/credits/hires/{applicantId}/termination',
        ]),
      );
      expect(new Set(visited).size).toBe(operations.length);
    },
  );

  test('the tenant guard refuses a query that forgets the organization', async () => {
    const { userModel } = await import('@eligo/server/modules/users/user.model');
    await expect(userModel(t.app.mongo).find({ role: 'admin' })).rejects.toThrow(
      /Unscoped find on tenant collection User/,
    );
    await expect(userModel(t.app.mongo).updateMany({}, { $set: { name: 'x' } })).rejects.toThrow(
      /Unscoped updateMany/,
    );
    await expect(userModel(t.app.mongo).countDocuments({})).rejects.toThrow(
      /Unscoped countDocuments/,
    );
  });
});
