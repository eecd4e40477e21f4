import { localTimestamp, nameFirstLast } from './form-format.ts';
import type { SignatureEvidence } from './form-input.ts';
import type { FormRevision, FormView } from './form-view.ts';
import type { PdfFormWriter } from './pdf-writer.ts';

/**
 * The last page of every rendered form: who signed what, when, from where, and the hashes that tie
 * each signature to the exact consent wording and answers (docs/forms.md "Electronic signature
 * record"; IRS Announcement 2002-44 wants the signer, the intent, the signed content preserved and a
 * record of when and how).
 */

const LABEL_WIDTH = 150;

function entry(w: PdfFormWriter, label: string, value: string): void {
  w.ensureRoom(14);
  const top = w.y;
  // Same baseline as the value's first line, so text tools read label and value as one line.
  w.text(label, w.left, top - 8, { size: 7.5, color: 'muted' });
  w.paragraph(value || '—', { x: w.left + LABEL_WIDTH, style: { size: 8 }, after: 3 });
  w.y = Math.min(w.y, top - 12);
}

function evidence(w: PdfFormWriter, signature: SignatureEvidence, timeZone: string): void {
  entry(w, 'Signed at (UTC)', new Date(signature.signedAt).toISOString());
  entry(w, `Signed at (${timeZone})`, localTimestamp(signature.signedAt, timeZone));
  entry(w, 'IP address', signature.ip);
  entry(w, 'User agent', signature.userAgent);
  entry(w, 'Consent wording version', signature.consentVersion);
  entry(w, 'Consent wording SHA-256', signature.consentSha256);
  entry(w, 'Signed answers SHA-256', signature.answersSha256);
}

export function drawSignatureRecord(
  w: PdfFormWriter,
  revision: FormRevision,
  view: FormView,
): void {
  const { applicant, signatures, timeZone } = view.input;
  w.addPage();
  w.text('Electronic signature record', w.left, w.y - 14, { size: 14, weight: 'bold' });
  w.y -= 22;
  w.paragraph(
    `${revision.name} (${revision.revision}), OMB No. ${revision.omb.number}, for ${nameFirstLast(applicant)}`,
    { style: { size: 9, weight: 'bold' }, after: 6 },
  );
  w.paragraph(
    'Both signatures were given electronically in Eligo: the signer typed their name and agreed to the consent wording identified below by version and SHA-256. “Signed answers SHA-256” is the SHA-256 of the canonical JSON of the answers the applicant signed; Eligo keeps those answers unchanged after signing (a correction is a new survey). Times are taken by Eligo’s server.',
    { style: { size: 8 }, after: 10 },
  );

  w.band('Job applicant');
  w.y -= 4;
  entry(w, 'Typed name (signature)', signatures.applicant.typedName);
  entry(w, 'Signed', 'The identification and statements of the survey this form is filled from');
  evidence(w, signatures.applicant, timeZone);

  w.y -= 8;
  w.band('Employer');
  w.y -= 4;
  const employer = signatures.employer;
  if (!employer) {
    entry(w, 'Status', 'Not signed yet: the employer’s signature lines are blank.');
    return;
  }
  entry(w, 'Typed name (signature)', employer.typedName);
  entry(w, 'Title', employer.title);
  entry(w, 'Eligo user', employer.signedBy);
  entry(
    w,
    'Signed',
    revision.form === '8850'
      ? 'Page 2 (for employer’s use only)'
      : 'Boxes 23–24, completing the form for the employer',
  );
  evidence(w, employer, timeZone);
}
