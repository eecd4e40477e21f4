import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { effectiveTimeZone } from '@eligo/shared/filing';
import { revisions } from '../../../lib/db/index.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { loadEmployerProfile } from '../../organizations/index.ts';
import { applicantModel, type Applicant } from '../applicant.model.ts';
import { factsUpdate, filingFactsOf, sameFacts, unchangedInputs } from './filing-facts.ts';
import { FILING_PHASES } from './hire.model.ts';

const MAX_ATTEMPTS = 10;

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

/**
 * Brings an applicant's stored filing facts up to date after one of their inputs changed outside a
 * hire write: the survey was signed, the WOTC status decided or overridden, the state's answer or
 * the employer's signature recorded (issue 20 calls this after writing those). A compare-and-set
 * like the hire's own writes. True when the facts changed.
 */
export async function refreshFilingFacts(
  app: FastifyInstance,
  ref: ApplicantRef,
  timeZone?: string,
): Promise<boolean> {
  const Applicants = scoped(applicantModel(app.mongo), ref.organizationId);
  let zone = timeZone;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const applicant = await Applicants.findById(ref._id).lean<Applicant>();
    if (!applicant?.hire) return false;
    zone ??= effectiveTimeZone(await loadEmployerProfile(app, ref.organizationId));
    const facts = filingFactsOf(applicant, zone)!;
    if (sameFacts(facts, applicant.filing)) return false;
    const result = await Applicants.updateOne(
      { _id: applicant._id, ...unchangedInputs(applicant) },
      { $set: factsUpdate(applicant, facts) },
    );
    if (result.matchedCount === 1) {
      await revisions(app.mongo).bump('hires', ref.organizationId);
      return true;
    }
  }
  throw new Error(`The filing of applicant ${ref._id.toHexString()} kept changing under a refresh`);
}

/**
 * After the organization's time zone changed: the survey's signing day, and so "screened after the
 * offer", is counted in the new zone. Only signed surveys of listed hires can change; each is a
 * compare-and-set of its own, so the admin saving the profile again finishes an interrupted run.
 */
export async function refreshOrganizationFilingFacts(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  timeZone: string,
): Promise<number> {
  const Applicants = scoped(applicantModel(app.mongo), organizationId);
  const cursor = Applicants.find(
    { 'filing.phase': { $in: [...FILING_PHASES] }, 'survey.status': 'submitted' },
    { _id: 1 },
  )
    .lean<Array<Pick<Applicant, '_id'>>>()
    .cursor();
  let changed = 0;
  for await (const { _id } of cursor) {
    if (await refreshFilingFacts(app, { _id, organizationId }, timeZone)) changed += 1;
  }
  return changed;
}
