import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { APPLICANT_CONSENT, applicantConsentText } from '@eligo/shared/filing/consent';
import type { SurveyLanguage } from '@eligo/shared/schemas/survey';
import { AppError } from '../../lib/app-error.ts';
import { canonicalSha256, sha256Hex } from '../../lib/evidence.ts';
import type { SurveySubmission } from '../applicants/index.ts';

export interface ApplicantSignatureInput {
  fullName: string;
  /** The answers as stored (pruned of hidden ones): what the signature covers. */
  signed: SubmittedAnswers;
  language: SurveyLanguage;
  organizationName: string;
  /** The wording version the page showed, when it says (older pages do not). */
  consentVersion: string | undefined;
  now: Date;
  signedOn: string;
  ip: string;
  userAgent: string;
}

/**
 * The applicant's Form 8850 signature as evidence (docs/forms.md §5): the typed name, the consent
 * wording shown (version, and the SHA-256 of the exact text in the survey's language with the
 * organization's name), the SHA-256 of the canonical signed answers, the time, IP and user agent.
 * A page that showed another version of the wording is refused: the record must name what the
 * applicant read.
 */
export function applicantSignatureRecord(
  input: ApplicantSignatureInput,
): NonNullable<SurveySubmission['signature']> {
  if (input.consentVersion !== undefined && input.consentVersion !== APPLICANT_CONSENT.version) {
    throw AppError.conflict(
      'The statement you agreed to has been updated since this page was opened: reload the page, read it and sign again',
    );
  }
  return {
    fullName: input.fullName.trim(),
    agreed: true,
    signedAt: input.now,
    signedOn: input.signedOn,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 500),
    consentVersion: APPLICANT_CONSENT.version,
    consentSha256: sha256Hex(applicantConsentText(input.language, input.organizationName)),
    answersSha256: canonicalSha256(input.signed),
  };
}
