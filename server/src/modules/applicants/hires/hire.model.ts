import { Schema, type Types } from 'mongoose';
import { HIRE_FIELDS, HIRE_SOURCES } from '@eligo/shared/filing';
import type { FilingStatus } from '@eligo/shared/schemas/filing-status';
import type { ApplicantHire, HireProvenance, HireValues } from '@eligo/shared/schemas/hire';
import type { TimelineEventType } from '@eligo/shared/schemas/applicants';
import type { TimelineData } from '../timeline.model.ts';

/**
 * The hire and its filing as stored on the applicant (docs/filing.md §2, §4). The hire's values and
 * per-field provenance are the API's `hire`; `version` makes every write a compare-and-set (two
 * instances recording the same hire never both win); the filing's facts (`phase`, `complete`,
 * `screenedAfterOffer`, `sortOn`) are derived from the hire, the survey and the WOTC status on
 * every write of one of them (`filing-facts.ts`), so that the Filing buckets are index ranges.
 */

/** What a write changed, kept on the hire so its timeline event can be recorded again if lost. */
export interface HireChange {
  version: number;
  /** Random per write: tells a batch writer which of its compare-and-sets won. */
  writeId: string;
  type: Extract<TimelineEventType, 'hire_recorded' | 'hire_updated'>;
  at: Date;
  actor: { kind: 'system' | 'lever' | 'user'; name: string | null; userId: Types.ObjectId | null };
  data: TimelineData;
}

export interface StoredHire extends ApplicantHire {
  /** 1 for the first write, +1 for each write that changed something. */
  version: number;
  recordedAt: Date;
  updatedAt: Date;
  lastChange: HireChange | null;
}

/**
 * Where a hire stands for the Filing screen, before "today" is known: `null` is not listed (no
 * hire, or WOTC status Not Qualified), `filed` anything was recorded at the state, `needs_start_date`
 * no confirmed start, `open` a confirmed start and nothing filed yet (its deadline decides).
 */
export const FILING_PHASES = ['needs_start_date', 'open', 'filed'] as const;
export type FilingPhase = (typeof FILING_PHASES)[number];

export interface StoredFilingFacts {
  phase: FilingPhase | null;
  /** Nothing of the hire's own is missing (`filingMissing` without the employer profile). */
  complete: boolean;
  screenedAfterOffer: boolean;
  /**
   * The due day (`filingDueOn` of the confirmed start, else of Lever's anticipated start), `''`
   * when neither is known: the Filing list's order and, in phase `open`, the deadline ranges.
   */
  sortOn: string;
}

/** The hire's values an employer's signature covers (Form 8850 page 2, ETA 9061 boxes 9–11). */
export type SignedHireValues = Pick<
  HireValues,
  'offeredOn' | 'hiredOn' | 'startedOn' | 'position' | 'startingWage' | 'employedInState'
>;

/**
 * The employer's latest signature (docs/forms.md §8). The full evidence (consent wording, hashes,
 * IP, user agent) is the filing module's append-only record `recordId`; this is what the Filing
 * screen and the rules need. It counts only while the hire still has the values it covers.
 */
export interface StoredEmployerSignature {
  recordId: Types.ObjectId;
  signedAt: Date;
  /** The typed name. */
  signedBy: string;
  title: string;
  userId: Types.ObjectId;
  covers: SignedHireValues;
}

export interface StoredFiling extends StoredFilingFacts {
  /** What the state did (`not_submitted` until an admin or a determinations upload records it). */
  status: FilingStatus;
  /** The employer's page-2 signature; null until an admin signs. */
  employerSignature: StoredEmployerSignature | null;
}

const text = { type: String, default: null };
const provenanceSchema = new Schema<HireProvenance>(
  Object.fromEntries(
    HIRE_FIELDS.map((field) => [
      field,
      { type: String, enum: [...HIRE_SOURCES, null], default: null },
    ]),
  ),
  { _id: false },
);

export const storedHireSchema = new Schema<StoredHire>(
  {
    offeredOn: text,
    hiredOn: text,
    anticipatedStartOn: text,
    startedOn: text,
    position: text,
    startingWage: { type: Number, default: null },
    employedInState: text,
    source: { type: String, enum: HIRE_SOURCES, required: true },
    provenance: { type: provenanceSchema, required: true },
    version: { type: Number, required: true },
    recordedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    lastChange: { type: Schema.Types.Mixed, default: null },
  },
  { _id: false, minimize: false },
);

export const storedFilingSchema = new Schema<StoredFiling>(
  {
    status: { type: Schema.Types.Mixed, required: true },
    employerSignature: { type: Schema.Types.Mixed, default: null },
    phase: { type: String, enum: [...FILING_PHASES, null], default: null },
    complete: { type: Boolean, required: true, default: false },
    screenedAfterOffer: { type: Boolean, required: true, default: false },
    sortOn: { type: String, default: '' },
  },
  { _id: false, minimize: false },
);

/**
 * The Filing screen's index (docs/filing.md §7): the summary groups the organization's listed hires
 * by (phase, complete, sortOn) from it, and each bucket is an equality on phase and complete and a
 * range on sortOn, read in (sortOn, _id) order for keyset pages.
 */
export function addFilingIndexes(schema: Schema): void {
  schema.index({
    organizationId: 1,
    'filing.phase': 1,
    'filing.complete': 1,
    'filing.sortOn': 1,
    _id: 1,
    // Last, so the summary's grouping (which counts the flagged hires too) reads the index alone.
    'filing.screenedAfterOffer': 1,
  });
}
