import type { FastifyInstance } from 'fastify';
import {
  NOT_SUBMITTED,
  applyFilingTransition,
  checkFilingTransition,
  todayIn,
} from '@eligo/shared/filing';
import type { SetFilingStatusBody } from '@eligo/shared/schemas/filing';
import type { FilingStatus } from '@eligo/shared/schemas/filing-status';
import { AppError } from '../../../lib/app-error.ts';
import { revisions } from '../../../lib/db/index.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { applicantModel, type Applicant } from '../applicant.model.ts';
import { recordEvent, type Actor } from '../timeline.ts';
import type { TimelineData } from '../timeline.model.ts';
import { filingFactsOf, unchangedInputs } from './filing-facts.ts';
import type { StoredEmployerSignature, StoredFiling } from './hire.model.ts';

/**
 * Writes of an applicant's filing other than the hire itself (docs/filing.md §5, docs/forms.md
 * §8): the state's answers and the employer's signature. Each is a compare-and-set on every input
 * of the filing facts (as the hire's writes are), and stores the facts computed with it.
 */

const MAX_ATTEMPTS = 10;

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

/** The `$set` of a new filing (status, signature) with the facts that follow from it. */
function filingUpdate(applicant: Applicant, filing: StoredFiling, timeZone: string) {
  const facts = filingFactsOf({ ...applicant, filing }, timeZone)!;
  return { filing: { ...filing, ...facts } };
}

/**
 * Matches the applicant only while its status is the one read: with `unchangedInputs` (which has
 * the state only), two corrections of one submission at once cannot both win.
 */
function unchangedStatus(status: FilingStatus): Record<string, unknown> {
  return {
    'filing.status.submission.on': status.submission?.on ?? null,
    'filing.status.determination.state': status.determination?.state ?? null,
    'filing.status.determination.on': status.determination?.on ?? null,
  };
}

/** True when `body` says again exactly what is recorded (an upload of the same file). */
export function isRecorded(status: FilingStatus, body: SetFilingStatusBody): boolean {
  if (status.state !== body.status) return false;
  if (body.status === 'submitted') {
    const s = status.submission;
    return (
      s !== null &&
      s.on === body.on &&
      s.method === body.method &&
      s.reference === (body.reference ?? null)
    );
  }
  const d = status.determination;
  return (
    d !== null &&
    d.on === body.on &&
    d.targetGroup === (body.targetGroup ?? null) &&
    d.certificationNumber === (body.certificationNumber ?? null) &&
    d.reason === (body.reason ?? null)
  );
}

function statusEventData(status: FilingStatus): TimelineData {
  const { submission, determination } = status;
  if (status.state === 'submitted' && submission) {
    return {
      status: 'submitted',
      on: submission.on,
      method: submission.method,
      reference: submission.reference,
      late: submission.late,
    };
  }
  return {
    status: status.state,
    on: determination?.on ?? null,
    targetGroup: determination?.targetGroup ?? null,
    certificationNumber: determination?.certificationNumber ?? null,
    reason: determination?.reason ?? null,
  };
}

export interface FilingStatusWrite {
  applicant: Applicant;
  status: FilingStatus;
  /** False when the body said again what was recorded (nothing written, nothing on the timeline). */
  changed: boolean;
}

/**
 * Records what the state did with the request (`checkFilingTransition`: allowed moves only, the
 * fields each status needs, dates not before the start nor after today in the organization's
 * zone). A submission after the deadline is stored with `late: true`. Each change is a timeline
 * entry. Throws the shared check's error (`409 FILING_TRANSITION_INVALID`, `409
 * HIRE_DATES_MISSING`, `400 VALIDATION_FAILED` with details); `null` for no such applicant.
 */
export async function recordFilingStatus(
  app: FastifyInstance,
  ref: ApplicantRef,
  body: SetFilingStatusBody,
  options: { actor: Actor; timeZone: string },
): Promise<FilingStatusWrite | null> {
  const Applicants = scoped(applicantModel(app.mongo), ref.organizationId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const applicant = await Applicants.findById(ref._id).lean<Applicant>();
    if (!applicant) return null;
    const current = applicant.filing?.status ?? NOT_SUBMITTED;
    if (isRecorded(current, body)) return { applicant, status: current, changed: false };
    const startedOn = applicant.hire?.startedOn ?? null;
    const today = todayIn(options.timeZone, app.clock.now());
    const check = checkFilingTransition(current, body, startedOn, today);
    if (!check.ok) throw new AppError(check.code, check.message, { details: check.problems });
    const status = applyFilingTransition(current, body, startedOn!);
    const filing: StoredFiling = {
      ...(applicant.filing ?? { employerSignature: null }),
      status,
    } as StoredFiling;
    const result = await Applicants.updateOne(
      { _id: applicant._id, ...unchangedInputs(applicant), ...unchangedStatus(current) },
      { $set: filingUpdate(applicant, filing, options.timeZone) },
    );
    if (result.matchedCount === 1) {
      await revisions(app.mongo).bump('hires', applicant.organizationId);
      await recordEvent(app, applicant, 'filing_recorded', {
        actor: options.actor,
        at: app.clock.now(),
        data: statusEventData(status),
      });
      return { applicant, status, changed: true };
    }
  }
  throw new Error(`The filing of applicant ${ref._id.toHexString()} kept changing under a write`);
}

/**
 * Stores the employer's signature on an applicant as read by the caller, who checked that nothing
 * else is missing: if anything the facts depend on changed since (the hire, the survey, the
 * status), nothing is written and the signer is asked to look again (`409 CONFLICT`).
 */
export async function setEmployerSignature(
  app: FastifyInstance,
  applicant: Applicant,
  signature: StoredEmployerSignature,
  options: { actor: Actor; timeZone: string },
): Promise<void> {
  const filing = {
    ...(applicant.filing ?? { status: NOT_SUBMITTED }),
    employerSignature: signature,
  } as StoredFiling;
  const result = await scoped(applicantModel(app.mongo), applicant.organizationId).updateOne(
    { _id: applicant._id, ...unchangedInputs(applicant) },
    { $set: filingUpdate(applicant, filing, options.timeZone) },
  );
  if (result.matchedCount !== 1) {
    throw AppError.conflict(
      `The hire of ${applicant.name || 'an applicant'} changed while you were signing: look at it again and sign`,
    );
  }
  await revisions(app.mongo).bump('hires', applicant.organizationId);
  await recordEvent(app, applicant, 'employer_signed', {
    actor: options.actor,
    at: signature.signedAt,
    data: { name: signature.signedBy, title: signature.title },
  });
}
