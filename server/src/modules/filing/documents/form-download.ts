import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../../plugins/auth.ts';
import { recordAudit } from '../../audit/index.ts';
import { filingContext, findApplicant, type Applicant } from '../../applicants/index.ts';
import { renderForm8850, renderForm9061, type FormKind } from '../forms/index.ts';
import { loadFormInput } from './form-input.loader.ts';
import { FORM_8850_NEEDS_NOT, refuseIfBlocked } from './readiness.ts';

/** What a form or a packet discloses: the audit record lists these (names, never values). */
export const FORM_FIELDS = ['name', 'ssn', 'dob', 'address', 'phone', 'answers', 'hire'];

/** Both downloads carry full SSNs: never kept by a browser or a proxy. */
export function privateDownload(reply: FastifyReply, type: string, filename: string): void {
  void reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store');
}

/** A file name from a person's name: ASCII letters, digits and dashes. */
export function fileNamePart(text: string): string {
  const part = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return part || 'applicant';
}

/**
 * `GET /api/applicants/:applicantId/forms/8850.pdf` and `…/9061.pdf` (docs/forms.md §8): the
 * form filled from the signed answers, the employer profile and the hire, or the `409` saying what
 * is missing. The download is audited (who, which applicant, which form) before it leaves.
 */
export async function downloadForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  auth: AuthContext,
  applicantId: string,
  form: FormKind,
): Promise<Uint8Array> {
  const applicant = (await findApplicant(app, auth, applicantId)).toObject() as Applicant;
  const context = await filingContext(app, auth.organization._id);
  refuseIfBlocked(applicant, context, form === '8850' ? FORM_8850_NEEDS_NOT : []);
  const input = await loadFormInput(app, applicant, context);
  const pdf = await (form === '8850' ? renderForm8850(input) : renderForm9061(input));
  await recordAudit(app, request, auth, {
    action: 'form_downloaded',
    target: { type: 'applicant', id: applicant._id.toHexString() },
    fields: FORM_FIELDS,
    detail: { form: form === '8850' ? 'IRS Form 8850' : 'ETA Form 9061' },
  });
  privateDownload(
    reply,
    'application/pdf',
    `${form}-${fileNamePart(input.applicant.lastName)}-${applicant._id.toHexString()}.pdf`,
  );
  return pdf;
}
