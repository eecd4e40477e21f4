import { compareIsoDates } from '@eligo/shared/wotc';
import type { FormInput } from './form-input.ts';
import { prepareView, type FormKind, type FormRevision } from './form-view.ts';
import { PdfFormWriter } from './pdf-writer.ts';
import { eta9061Rev2023 } from './revisions/eta9061-2023-05.ts';
import { form8850Rev2016 } from './revisions/f8850-2016-03.ts';
import { drawSignatureRecord } from './signature-record.ts';

/**
 * Every form revision Eligo can render. A new revision is a new file under revisions/ listed here
 * with its first day of use: documents signed from that day on get it, older ones keep theirs.
 */
export const FORM_REVISIONS: readonly FormRevision[] = [form8850Rev2016, eta9061Rev2023];

export interface RenderOptions {
  /** Render this revision id instead of the one in use on the signing day. */
  revisionId?: string;
}

/** The newest revision of `form` in use on `day` (else its oldest one). */
export function revisionFor(form: FormKind, day: string): FormRevision {
  const candidates = FORM_REVISIONS.filter((r) => r.form === form).sort((a, b) =>
    compareIsoDates(a.inUseFrom, b.inUseFrom),
  );
  const inUse = candidates.filter((r) => compareIsoDates(r.inUseFrom, day) <= 0);
  const revision = inUse.at(-1) ?? candidates[0];
  if (!revision) throw new Error(`No revision of form ${form}`);
  return revision;
}

function chosenRevision(form: FormKind, day: string, options: RenderOptions): FormRevision {
  if (options.revisionId === undefined) return revisionFor(form, day);
  const revision = FORM_REVISIONS.find((r) => r.form === form && r.id === options.revisionId);
  if (!revision) throw new RangeError(`Form ${form} has no revision ${options.revisionId}`);
  return revision;
}

async function render(
  form: FormKind,
  input: FormInput,
  options: RenderOptions,
): Promise<Uint8Array> {
  const view = prepareView(input);
  const signedOn = view.dates.employerSignedOn ?? view.dates.applicantSignedOn;
  const revision = chosenRevision(form, signedOn, options);
  const times = [input.signatures.applicant.signedAt, input.signatures.employer?.signedAt]
    .filter((t): t is string => t !== undefined)
    .map((t) => new Date(t).getTime());
  const writer = await PdfFormWriter.create({
    title: `${revision.name} (${revision.revision})`,
    subject: 'Work Opportunity Tax Credit',
    // The latest signature, not the clock: the same input gives the same bytes.
    createdAt: new Date(Math.max(...times)),
  });
  revision.draw(writer, view);
  drawSignatureRecord(writer, revision, view);
  return writer.finish((i, count) => [revision.footer, `Page ${i + 1} of ${count}`]);
}

/** IRS Form 8850 (pre-screening notice and certification request) with its signature record. */
export function renderForm8850(input: FormInput, options: RenderOptions = {}): Promise<Uint8Array> {
  return render('8850', input, options);
}

/** ETA Form 9061 (individual characteristics form) with its signature record. */
export function renderForm9061(input: FormInput, options: RenderOptions = {}): Promise<Uint8Array> {
  return render('9061', input, options);
}
