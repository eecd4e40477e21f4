import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
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
import { canary, canaryAnswers } from '../support/survey.ts';

/**
 * The role sweep: a member calls every admin route of the OpenAPI document (so routes added later
 * are covered automatically) with the ids of their own organization's records. Each answers 403,
 * and nothing of the organization changes; nor does any protected answer come back.
 */
let t: TestApp;
let org: TestOrganization;
let member: ApiClient;
/** Ids of the organization's records a request could name. */
let ids: string[];

const snapshot = () => snapshotOfOrganization(t.db, org.organizationId);

beforeAll(async () => {
  t = await createTestApp(import.meta.filename, {
    env: { SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  org = await createOrganization(t.app, { name: 'Role Org' });
  const user = await createUser(t.app, org.organizationId, { role: 'member' });
  member = await signedIn(t.app, user);
  const { applicant } = await registerTestApplicant(t.app, org.organizationId);
  await answerSurvey(t.app, org.organizationId, applicant._id.toHexString(), canaryAnswers());
  const integration = await createLeverIntegration(t.app, org.organizationId, 'acct-role');
  ids = [applicant._id.toHexString(), user.id, org.admin.id, integration.id];
});
afterAll(() => t?.close());

describe('role sweep over every admin route', () => {
  test('a member gets 403 from each, and nothing changes', { timeout: 120_000 }, async () => {
    const operations = operationsOf((await apiClient(t.app).get('/api/docs/json')).json());
    const adminOnly = operations.filter((op) => op.adminOnly);
    const before = await snapshot();
    const visited: string[] = [];
    for (const op of adminOnly) {
      for (const id of pathParams(op.path).length > 0 ? ids : [org.admin.id]) {
        const url = op.path.replace(/\{[^}]+\}/g, id);
        const res = await member.request(
          op.method as OpenApiOperation['method'] & 'GET',
          url,
          // No body where the route declares none (the CSV upload takes text/csv, not JSON).
          op.requestBody ? exampleOf(op.requestBody, id) : undefined,
        );
        const where = `${op.method} ${url}`;
        expect({ where, status: res.statusCode }).toEqual({ where, status: 403 });
        expect({ where, leaks: res.body.includes(canary.dob) }).toEqual({ where, leaks: false });
      }
      visited.push(`${op.method} ${op.path}`);
    }
    expect(await snapshot()).toBe(before);
    // The sweep found the admin routes, the protected-data ones among them.
    expect(visited).toEqual(
      expect.arrayContaining([
        'POST /api/users',
        'POST /api/users/{id}/invitation',
        'PATCH /api/organization/settings',
        'POST /api/applicants/{applicantId}/ssn/reveal',
        'POST /api/applicants/{applicantId}/survey/resend',
        'POST /api/applicants/export',
        'GET /api/audit-records',
        'PUT /api/applicants/{applicantId}/hire',
        'POST /api/hires/import',
      ]),
    );
    // A member-visible route that still needs the organization's leave: refused the same way.
    const view = await member.post(`/api/applicants/${ids[0]}/protected-answers/view`, {
      reason: 'Sweeping',
    });
    expect(view.statusCode).toBe(403);
  });
});
