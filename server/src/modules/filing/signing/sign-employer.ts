import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Types } from 'mongoose';
import { EMPLOYER_CONSENT, employerConsentText } from '@eligo/shared/filing';
import type { SignFilingBody, SignFilingResult } from '@eligo/shared/schemas/filing-documents';
import { AppError } from '../../../lib/app-error.ts';
import { sha256Hex } from '../../../lib/evidence.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import type { AuthContext } from '../../../plugins/auth.ts';
import {
  filingContext,
  setEmployerSignature,
  signedHireValues,
  surveySubmissionModel,
  userActor,
  type Applicant,
} from '../../applicants/index.ts';
import { loadSelection, refuseBlockedSelection } from '../documents/readiness.ts';
import {
  employerSignatureModel,
  type EmployerSignatureRecord,
} from './employer-signature.model.ts';

/** The SHA-256 the applicant's signature recorded of their answers, per applicant. */
async function answerHashes(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  applicants: readonly Applicant[],
): Promise<Map<string, string | null>> {
  const sourceOf = (a: Applicant) => a.reusedFrom ?? a._id;
  const submissions = await scoped(surveySubmissionModel(app.mongo), organizationId)
    .find({ _id: { $in: applicants.map(sourceOf) } }, { 'signature.answersSha256': 1 })
    .lean();
  const bySource = new Map(
    submissions.map((s) => [s._id.toHexString(), s.signature?.answersSha256 ?? null]),
  );
  return new Map(
    applicants.map((a) => [a._id.toHexString(), bySource.get(sourceOf(a).toHexString()) ?? null]),
  );
}

/**
 * `POST /api/filing/sign` (docs/forms.md §8): an admin signs Form 8850 page 2 and ETA 9061 for the
 * employer, for each hire selected. The selection is checked as a whole first: an unknown id is a
 * 404 and a hire that still lacks something other than this signature a 409, and then nothing is
 * signed. Each hire gets its own append-only evidence record (typed name, title, who, when, the
 * consent wording's version and SHA-256, the applicant's answers' SHA-256, IP, user agent, the
 * hire's values as signed) and becomes ready to file.
 */
export async function signForEmployer(
  app: FastifyInstance,
  request: FastifyRequest,
  auth: AuthContext,
  body: SignFilingBody,
): Promise<SignFilingResult> {
  if (body.consentVersion !== undefined && body.consentVersion !== EMPLOYER_CONSENT.version) {
    throw AppError.conflict(
      'The declaration has been updated since this page was opened: reload it, read it and sign again',
    );
  }
  const organizationId = auth.organization._id;
  const applicants = await loadSelection(app, organizationId, body.applicantIds);
  const context = await filingContext(app, organizationId);
  refuseBlockedSelection(applicants, context, ['employer_signature'], 'be signed');

  const signedAt = app.clock.now();
  const typedName = body.fullName.trim();
  const title = body.title.trim();
  const hashes = await answerHashes(app, organizationId, applicants);
  const records: Array<Omit<EmployerSignatureRecord, 'organizationId'>> = applicants.map((a) => ({
    _id: new Types.ObjectId(),
    applicantId: a._id,
    signedAt,
    typedName,
    title,
    userId: auth.user._id,
    email: auth.user.email,
    consentVersion: EMPLOYER_CONSENT.version,
    consentSha256: sha256Hex(employerConsentText()),
    answersSha256: hashes.get(a._id.toHexString()) ?? null,
    covers: signedHireValues(a.hire!),
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
  }));
  // The evidence first: a signature on an applicant always has its record.
  await employerSignatureModel(app.mongo).insertMany(
    records.map((record) => ({ ...record, organizationId })),
  );
  const actor = userActor(auth);
  for (const [index, applicant] of applicants.entries()) {
    const record = records[index]!;
    await setEmployerSignature(
      app,
      applicant,
      {
        recordId: record._id,
        signedAt,
        signedBy: typedName,
        title,
        userId: auth.user._id,
        covers: record.covers,
      },
      { actor, timeZone: context.timeZone },
    );
  }
  return {
    signedAt: signedAt.toISOString(),
    signedBy: typedName,
    applicantIds: applicants.map((a) => a._id.toHexString()),
  };
}
