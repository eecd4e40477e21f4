import { Type, type Static } from 'typebox';
import { TEXT_NOT_BLANK } from '../text.ts';
import { FILING_BATCH_MAX } from '../filing/documents.ts';
import { idSchema, isoDateTimeSchema, NOT_BLANK } from './common.ts';
import { employerStateSchema } from './employer.ts';
import { hiresImportResultSchema } from './hires.ts';

/**
 * The employer's signature, the forms as PDFs, the state packet and the determinations upload
 * (docs/forms.md §8–§9, docs/filing.md §5).
 */

const applicantIds = Type.Array(idSchema, {
  minItems: 1,
  maxItems: FILING_BATCH_MAX,
  description: `Applicant ids, at most ${FILING_BATCH_MAX} (repeats count once)`,
});

/**
 * `POST /api/filing/sign`: an admin signs Form 8850 page 2 and ETA 9061 for the employer, for one
 * hire or many. `agreed` is the consent box; `consentVersion`, when sent, must be the wording the
 * server has (`EMPLOYER_CONSENT.version`), so a signature is never recorded against a wording its
 * signer did not see.
 */
export const signFilingBodySchema = Type.Object(
  {
    applicantIds,
    /** The typed name: the signature itself. */
    fullName: Type.String({ minLength: 1, maxLength: 120, pattern: NOT_BLANK }),
    /** The signer's title, printed beside the signature (e.g. HR Manager). */
    title: Type.String({ minLength: 1, maxLength: 120, pattern: NOT_BLANK }),
    agreed: Type.Literal(true),
    consentVersion: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, pattern: TEXT_NOT_BLANK }),
    ),
  },
  { additionalProperties: false },
);
export type SignFilingBody = Static<typeof signFilingBodySchema>;

export const signFilingResultSchema = Type.Object({
  signedAt: isoDateTimeSchema,
  /** The typed name recorded. */
  signedBy: Type.String(),
  /** The hires signed, in the order asked. */
  applicantIds: Type.Array(idSchema),
});
export type SignFilingResult = Static<typeof signFilingResultSchema>;

/**
 * `POST /api/filing/packets`: the hires whose forms go in one ZIP: the ones picked
 * (`applicantIds`), or every hire ready to file in one state of employment (`allReadyIn`, e.g.
 * `"TX"`: "all ready in Texas", however many pages the list has). Exactly one of the two.
 */
export const filingPacketBodySchema = Type.Object(
  {
    applicantIds: Type.Optional(applicantIds),
    allReadyIn: Type.Optional(employerStateSchema),
  },
  { additionalProperties: false },
);
export type FilingPacketBody = Static<typeof filingPacketBodySchema>;

/**
 * A file the server streams or sends as bytes (never JSON): typed as what the server hands to its
 * reply, documented as binary.
 */
const binary = (description: string) =>
  Type.Unsafe<Uint8Array | AsyncIterable<Uint8Array>>(
    Type.String({ format: 'binary', description }),
  );

/** The packet: `application/zip`, streamed (docs/forms.md §9). */
export const filingPacketSchema = binary(
  'application/zip: <state>/<last name>-<id>/8850.pdf and 9061.pdf per hire, and manifest.csv',
);

/** A form: `application/pdf` (full SSN: admins only, every download audited). */
export const filingFormPdfSchema = binary('application/pdf');

/**
 * The answer to a valid determinations file, counted like the hires CSV's: `created` rows gave a
 * hire its first determination, `updated` rows replaced one (held, then certified; a denial won on
 * appeal), `unchanged` rows were recorded exactly so already (the same file twice changes
 * nothing), `unknown` rows name nobody Eligo screened (reported, never invented).
 */
export const determinationsImportResultSchema = hiresImportResultSchema;
export type DeterminationsImportResult = Static<typeof determinationsImportResultSchema>;
