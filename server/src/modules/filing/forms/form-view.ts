import {
  applicantStatements,
  targetGroupDetails,
  type ApplicantStatements,
  type TargetGroupDetails,
} from './answer-facts.ts';
import { dateIn } from './form-format.ts';
import type { FormInput } from './form-input.ts';
import type { PdfFormWriter } from './pdf-writer.ts';

/**
 * The input prepared once for drawing: the facts the answers state and the dates the forms print.
 * A form revision (revisions/) only places these on its pages.
 */
export interface FormView {
  input: FormInput;
  statements: ApplicantStatements;
  details: TargetGroupDetails;
  dates: {
    /** The applicant's signing day in the organization's time zone: 8850's "gave information". */
    applicantSignedOn: string;
    employerSignedOn: string | null;
    offeredOn: string | null;
    hiredOn: string | null;
    startedOn: string | null;
  };
}

export type FormKind = '8850' | '9061';

/** One printed revision of a form: add a file under revisions/ and list it in form-renderers.ts. */
export interface FormRevision {
  form: FormKind;
  /** Stable id, e.g. `f8850-2016-03`. */
  id: string;
  /** Full name of the form, e.g. `Form 8850`. */
  name: string;
  /** As the form prints it, e.g. `Rev. March 2016`. */
  revision: string;
  omb: { number: string; expires: string | null };
  /** First signing day this revision is used for (the newest revision in use wins). */
  inUseFrom: string;
  /** Left footer of every page, e.g. `Form 8850 (Rev. 3-2016)`. */
  footer: string;
  /** Draws the form's own pages; the signature record page follows them. */
  draw(writer: PdfFormWriter, view: FormView): void;
}

export function prepareView(input: FormInput): FormView {
  const applicantSignedOn = dateIn(input.signatures.applicant.signedAt, input.timeZone);
  const employer = input.signatures.employer;
  const { offeredOn, hiredOn, startedOn } = input.hire;
  return {
    input,
    statements: applicantStatements(input.answers, applicantSignedOn),
    details: targetGroupDetails(input.answers, {
      signedOn: applicantSignedOn,
      hiringDate: startedOn ?? hiredOn ?? applicantSignedOn,
    }),
    dates: {
      applicantSignedOn,
      employerSignedOn: employer ? dateIn(employer.signedAt, input.timeZone) : null,
      offeredOn,
      hiredOn,
      startedOn,
    },
  };
}
