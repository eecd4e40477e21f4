import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { EmployerProfileInput } from '@eligo/shared/schemas/employer';
import { recordLeverHire, type LeverHireFacts } from '@eligo/server/modules/applicants/index';
import {
  createOrganization,
  registerTestApplicant,
  signedIn,
  type TestApplication,
} from './factories.ts';
import type { ApiClient } from './http.ts';

/** A complete employer profile (Illinois: deadlines counted in America/Chicago). */
export function employerProfile(
  overrides: Partial<EmployerProfileInput> = {},
): EmployerProfileInput {
  return {
    legalName: 'Acme Widgets LLC',
    ein: '36-1234567',
    address: { street: '1 N State St', city: 'Chicago', state: 'IL', zip: '60602' },
    phone: '(312) 555-0100',
    contact: {
      name: 'Pat Doe',
      title: 'HR Manager',
      phone: '312-555-0101 x12',
      email: 'pat.doe@acme.example',
    },
    ...overrides,
  };
}

/** A new organization whose admin saved the complete employer profile: its id and the admin. */
export async function organizationWithEmployer(
  app: FastifyInstance,
): Promise<{ id: string; admin: ApiClient }> {
  const org = await createOrganization(app);
  const admin = await signedIn(app, org.admin);
  const res = await admin.patch('/api/organization/settings', { employer: employerProfile() });
  if (res.statusCode !== 200) throw new Error(`employer profile: ${res.statusCode} ${res.body}`);
  return { id: org.organizationId, admin };
}

/** A Lever applicant whose hire Lever reported (the `candidateHired` webhook's job). */
export async function hiredApplicant(
  app: FastifyInstance,
  organizationId: string,
  facts: LeverHireFacts = {},
  application: Partial<TestApplication> = {},
): Promise<{ applicantId: string; opportunityId: string; email: string }> {
  const { applicant } = await registerTestApplicant(app, organizationId, application);
  const opportunityId = applicant.lever!.opportunityId;
  const result = await recordLeverHire(app, {
    organizationId: new Types.ObjectId(organizationId),
    opportunityId,
    facts,
    source: 'lever_webhook',
  });
  if (!result.applicantId) throw new Error('the hire was not recorded');
  return { applicantId: applicant._id.toHexString(), opportunityId, email: applicant.email };
}

/** The body of `PUT …/hire` with every field (null = not known), overridden by `values`. */
export function hireBody(values: Record<string, unknown> = {}) {
  return {
    offeredOn: null,
    hiredOn: null,
    startedOn: null,
    position: null,
    startingWage: null,
    employedInState: null,
    ...values,
  };
}

/** Uploads a hires CSV as the browser does (`text/csv`). */
export function uploadHires(client: ApiClient, body: string | Buffer, query = '') {
  return client.request('POST', `/api/hires/import${query}`, body, {
    'content-type': 'text/csv; charset=utf-8',
  });
}

export const HIRES_HEADER = 'employee,offered_on,hired_on,started_on,position,starting_wage,state';
