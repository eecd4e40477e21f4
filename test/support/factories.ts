import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { applicantModel, type Applicant } from '@eligo/server/modules/applicants/index';
import {
  issueSurveyLink,
  recordLinkEmailed,
  type SurveyLink,
} from '@eligo/server/modules/survey/survey-link.service';
import {
  registerApplicant,
  type RegisterApplicantInput,
} from '@eligo/server/modules/applicants/index';
import { scoped } from '@eligo/server/lib/tenancy/tenant-repository';
import { organizationModel } from '@eligo/server/modules/organizations/index';
import { userModel } from '@eligo/server/modules/users/index';
import { hashPassword } from '@eligo/server/lib/passwords';
import { apiClient, type ApiClient } from './http.ts';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export interface TestOrganization {
  organizationId: string;
  name: string;
  admin: { id: string; email: string; password: string };
}

/** An organization with an active admin, written straight to the database. */
export async function createOrganization(
  app: FastifyInstance,
  overrides: { name?: string; adminEmail?: string } = {},
): Promise<TestOrganization> {
  const tag = randomUUID().slice(0, 8);
  const organization = await organizationModel(app.mongo).create({
    name: overrides.name ?? `Acme ${tag}`,
  });
  const email = overrides.adminEmail ?? `admin-${tag}@example.com`;
  const admin = await createUser(app, organization._id.toHexString(), {
    email,
    role: 'admin',
    name: `Admin ${tag}`,
  });
  return { organizationId: organization._id.toHexString(), name: organization.name, admin };
}

/** An active user of an organization with a known password. */
export async function createUser(
  app: FastifyInstance,
  organizationId: string,
  overrides: {
    email?: string;
    role?: 'admin' | 'member';
    name?: string;
    status?: 'active' | 'deactivated';
  } = {},
): Promise<{ id: string; email: string; password: string }> {
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.com`;
  const user = await userModel(app.mongo).create({
    organizationId,
    name: overrides.name ?? 'Test User',
    email,
    emailNormalized: email.toLowerCase(),
    role: overrides.role ?? 'member',
    status: overrides.status ?? 'active',
    passwordHash: await hashPassword(DEFAULT_PASSWORD),
  });
  return { id: user._id.toHexString(), email, password: DEFAULT_PASSWORD };
}

/** A signed-in API client for the given credentials (fails the test if login fails). */
export async function signedIn(
  app: FastifyInstance,
  credentials: { email: string; password: string },
  ip?: string,
): Promise<ApiClient> {
  const client = apiClient(app, ip ? { ip } : {});
  const response = await client.post('/api/auth/login', {
    email: credentials.email,
    password: credentials.password,
  });
  if (response.statusCode !== 200)
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return client;
}

export interface TestApplicant {
  applicantId: string;
  /** The survey link's secret token and full URL, as the email would carry them. */
  token: string;
  url: string;
}

/**
 * A new survey link for the applicant whose email the mail server accepted (`sent`, reminders
 * counting from `at`): what the invitation does, without going through the outbox.
 */
export async function emailedSurveyLink(
  app: FastifyInstance,
  organizationId: string | Types.ObjectId,
  applicantId: Types.ObjectId,
  at = new Date(),
): Promise<SurveyLink> {
  const orgId = new Types.ObjectId(organizationId);
  const link = await issueSurveyLink(app, orgId, applicantId, at);
  await recordLinkEmailed(app.mongo, orgId, applicantId, link.tokenHash, at);
  return link;
}

/** An applicant of the organization with a fresh survey link (status `sent`). */
export async function createApplicantWithSurveyLink(
  app: FastifyInstance,
  organizationId: string,
  overrides: Partial<
    Pick<Applicant, 'firstName' | 'lastName' | 'email' | 'language' | 'state'>
  > = {},
): Promise<TestApplicant> {
  const tag = randomUUID().slice(0, 8);
  const applicant = await scoped(
    applicantModel(app.mongo),
    new Types.ObjectId(organizationId),
  ).create({
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `applicant-${tag}@example.com`,
    language: 'en',
    state: 'IL',
    ...overrides,
  });
  const link = await emailedSurveyLink(app, organizationId, applicant._id);
  return { applicantId: applicant._id.toHexString(), token: link.token, url: link.url };
}

export type TestApplication = Omit<RegisterApplicantInput, 'organizationId' | 'lever'> & {
  lever: RegisterApplicantInput['lever'];
};

/**
 * A Lever application as the webhook processing would pass it (fresh ids, a unique email). No
 * integration unless given: such an applicant is never tagged in Lever (nowhere to write), so tests
 * of the applicant page see tag sync requests stay `pending`.
 */
export function leverApplication(overrides: Partial<TestApplication> = {}): TestApplication {
  const tag = randomUUID().slice(0, 8);
  return {
    integrationId: null,
    name: 'Ada Lovelace',
    email: `applicant-${tag}@example.com`,
    postingTitle: 'Warehouse Associate',
    appliedAt: new Date(),
    ...overrides,
    lever: {
      opportunityId: randomUUID(),
      applicationId: randomUUID(),
      contactId: randomUUID(),
      postingId: 'posting-warehouse',
      ...overrides.lever,
    },
  };
}

/** Registers an applicant through the service the webhook processing calls. */
export async function registerTestApplicant(
  app: FastifyInstance,
  organizationId: string,
  overrides: Partial<TestApplication> = {},
) {
  return registerApplicant(app, {
    organizationId: new Types.ObjectId(organizationId),
    ...leverApplication(overrides),
  });
}
