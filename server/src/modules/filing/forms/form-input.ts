import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { countyByFips } from '@eligo/shared/wotc/county-list';
import { isCountyFips, normalizeSsn } from '@eligo/shared/wotc';

/**
 * What the Form 8850 and ETA 9061 renderers are filled from (docs/forms.md). Plain objects: the
 * caller reads the applicant, the hire, the employer profile and the two signature records, decrypts
 * what is encrypted, and hands them over. Nothing here touches the database.
 */

export interface PostalAddress {
  street: string;
  city: string;
  /** USPS code, e.g. `TX`. */
  state: string;
  zip: string;
}

/** The applicant as the forms name them (8850 page 1 top, 9061 boxes 6–7). */
export interface FormApplicant {
  firstName: string;
  middleInitial: string | null;
  lastName: string;
  /** Nine digits, dashes optional; `null` when the applicant declined (the box stays blank). */
  ssn: string | null;
  address: PostalAddress;
  /** County name, e.g. `Travis County`; `null` when not known. */
  county: string | null;
  phone: string | null;
  /** `YYYY-MM-DD`; the forms ask it only of applicants under 40. */
  dob: string | null;
}

/** The organization's employer profile (issue 19: My Account › Data Settings › Employer). */
export interface EmployerProfile {
  legalName: string;
  /** `NN-NNNNNNN`. */
  ein: string;
  address: PostalAddress;
  phone: string;
  contact: { name: string; title: string; phone: string; email: string };
}

/** The hire as confirmed by an admin; any field may still be unknown (`null`). */
export interface HireRecord {
  offeredOn: string | null;
  hiredOn: string | null;
  startedOn: string | null;
  position: string | null;
  /** Dollars, as recorded on the hire (e.g. an hourly rate). */
  startingWage: number | null;
  /** USPS code of the state where the person works (the SWA the packet goes to). */
  employedInState: string | null;
}

/** Shared part of both signature records: what was signed, when, from where. */
export interface SignatureEvidence {
  /** The typed name: the electronic signature itself. */
  typedName: string;
  /** Version id of the consent wording shown to the signer. */
  consentVersion: string;
  /** SHA-256 (hex) of that consent wording. */
  consentSha256: string;
  /** SHA-256 (hex) of the canonical signed answers. */
  answersSha256: string;
  /** ISO 8601 instant, e.g. `2026-03-02T15:04:05.000Z`. */
  signedAt: string;
  ip: string;
  userAgent: string;
}

export type ApplicantSignature = SignatureEvidence;

export interface EmployerSignature extends SignatureEvidence {
  /** The signer's job title, as typed at signing. */
  title: string;
  /** Who signed: the admin user's email. */
  signedBy: string;
}

export interface FormInput {
  applicant: FormApplicant;
  /** The applicant's signed answers (shared `SubmittedAnswers`, docs/wotc-rules.md §4). */
  answers: SubmittedAnswers;
  employer: EmployerProfile;
  hire: HireRecord;
  signatures: {
    applicant: ApplicantSignature;
    /** `null` until an admin signs: the employer's signature lines stay blank. */
    employer: EmployerSignature | null;
  };
  /** IANA time zone the organization counts dates in: signature dates are shown in it. */
  timeZone: string;
}

/**
 * The applicant's identity fields as the survey collected them. The county answer is a FIPS code
 * (or "not listed"): the forms want its name.
 */
export function applicantFromAnswers(answers: SubmittedAnswers): FormApplicant {
  const county = isCountyFips(answers.county) ? (countyByFips(answers.county)?.name ?? null) : null;
  return {
    firstName: answers.first_name,
    middleInitial: answers.middle_initial ?? null,
    lastName: answers.last_name,
    ssn: answers.ssn === 'declined' ? null : normalizeSsn(answers.ssn),
    address: { street: answers.street, city: answers.city, state: answers.state, zip: answers.zip },
    county,
    phone: answers.phone ?? null,
    dob: answers.age_band === 'under_40' ? (answers.dob ?? null) : null,
  };
}
