import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { applicantModel, type Applicant } from '@eligo/server/modules/applicants/index';
import {
  createSurveyLink,
  recordLinkEmailed,
} from '@eligo/server/modules/survey/survey-link.service';
import { organizationModel } from '@eligo/server/modules/organizations/index';
import { scoped } from '@eligo/server/lib/tenancy/tenant-repository';

export interface SeededApplicant {
  organizationId: string;
  applicantId: string;
  token: string;
  url: string;
}

/**
 * Writes an organization and an applicant with a survey link straight into a built server's
 * database (what the Lever webhook will do later), for browser tests.
 */
export async function seedSurveyApplicant(
  db: Connection,
  publicUrl: string,
  organizationName: string,
  applicant: Partial<
    Pick<Applicant, 'firstName' | 'lastName' | 'email' | 'language' | 'state'>
  > = {},
): Promise<SeededApplicant> {
  const organization = await organizationModel(db).create({ name: organizationName });
  const created = await scoped(applicantModel(db), organization._id).create({
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `applicant-${randomUUID().slice(0, 8)}@example.com`,
    language: 'en',
    state: 'IL',
    ...applicant,
  });
  const link = await createSurveyLink(
    db,
    { publicUrl, ttlMs: 30 * 86_400_000 },
    organization._id,
    created._id,
  );
  // As if its email had gone out: the survey is "Sent".
  await recordLinkEmailed(db, organization._id, created._id, link.tokenHash, new Date());
  return {
    organizationId: organization._id.toHexString(),
    applicantId: created._id.toHexString(),
    token: link.token,
    url: link.url,
  };
}

export function connect(mongoUri: string): Promise<Connection> {
  return mongoose.createConnection(mongoUri).asPromise();
}
