import type { FastifyInstance } from 'fastify';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import type { Applicant } from './applicant.model.ts';
import { applicantModel } from './applicant.model.ts';
import { searchKeysFor } from './search-keys.ts';
import { recordEvent, type Actor } from './timeline.ts';

/**
 * Gives an applicant who had none an email address (trimmed): searchable at once, and the survey
 * becomes sendable (`not_sent`). The timeline says who added it. Sending is the caller's next step.
 */
export async function setApplicantEmail(
  app: FastifyInstance,
  applicant: Pick<Applicant, '_id' | 'organizationId' | 'name'>,
  email: string,
  actor: Actor,
): Promise<void> {
  const trimmed = email.trim();
  await scoped(applicantModel(app.mongo), applicant.organizationId).updateOne(
    { _id: applicant._id },
    {
      $set: {
        email: trimmed,
        ...searchKeysFor(applicant.name, trimmed),
        'survey.status': 'not_sent',
      },
    },
  );
  await recordEvent(app, applicant, 'email_set', { actor, data: { email: trimmed } });
}
