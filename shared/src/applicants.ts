/**
 * The applicants domain's constants and pure helpers, without any schema: the web app reads these
 * (and only types from `schemas/applicants.ts`), so the survey's bundle never has to carry TypeBox
 * for schemas the admin screens would otherwise build (docs/applicants.md).
 */

/**
 * The survey status as stored on the applicant. "Expired" is not stored: it is an open status
 * (`sent`, `opened`, `in_progress`) whose link has run out.
 */
export const STORED_SURVEY_STATUSES = [
  'not_sent',
  'missing_email',
  'sent',
  'opened',
  'in_progress',
  'submitted',
  'declined',
] as const;
export type StoredSurveyStatus = (typeof STORED_SURVEY_STATUSES)[number];

/** Statuses in which the link is out and the applicant has not answered yet. */
export const OPEN_SURVEY_STATUSES = ['sent', 'opened', 'in_progress'] as const;

/** Where the applicant is with the survey, as the dashboard shows it. */
export const SURVEY_STATUSES = [...STORED_SURVEY_STATUSES, 'expired'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  not_sent: 'Not sent',
  missing_email: 'Missing email',
  sent: 'Sent',
  opened: 'Opened',
  in_progress: 'In progress',
  submitted: 'Submitted',
  declined: 'Declined',
  expired: 'Expired',
};

/** The WOTC decision as the dashboard shows it (an admin's override wins over the engine). */
export const WOTC_STATUSES = ['pending', 'pre_qualified', 'not_qualified', 'needs_review'] as const;
export type WotcStatus = (typeof WOTC_STATUSES)[number];

export const WOTC_STATUS_LABELS: Record<WotcStatus, string> = {
  pending: 'Pending',
  pre_qualified: 'Pre Qualified',
  not_qualified: 'Not Qualified',
  needs_review: 'Needs review',
};

/**
 * The Lever tag of the applicant's opportunity: `none` (nothing to write yet, e.g. pending or
 * needs review), `pending` (a write is due), `synced`, `failed` (will be retried), `dead` (gave up).
 */
export const TAG_SYNC_STATES = ['none', 'pending', 'synced', 'failed', 'dead'] as const;
export type TagSyncState = (typeof TAG_SYNC_STATES)[number];

export const TAG_SYNC_LABELS: Record<TagSyncState, string> = {
  none: 'Not needed yet',
  pending: 'Pending',
  synced: 'Synced',
  failed: 'Failed',
  dead: 'Gave up',
};

export const APPLICANT_SORTS = ['applied_desc', 'applied_asc', 'name_asc', 'name_desc'] as const;
export type ApplicantSort = (typeof APPLICANT_SORTS)[number];

export const TIMELINE_EVENT_TYPES = [
  'received',
  'missing_email',
  'invitation_sent',
  'invitation_failed',
  'reminder_sent',
  'reminder_failed',
  'survey_reused',
  'survey_opened',
  'survey_submitted',
  'survey_declined',
  'evaluated',
  'result_copied',
  'override',
  'email_set',
  'survey_resent',
  'tag_sync_requested',
  'tag_synced',
  'tag_sync_failed',
  'tag_sync_dead',
  'ssn_revealed',
  /** The hire was recorded (Lever, an admin or a CSV): `data.source`, the fields and their values. */
  'hire_recorded',
  /** The hire changed or a value was confirmed: the same data, and the reason when one was given. */
  'hire_updated',
  /** An admin signed Form 8850 page 2 and ETA 9061 for the employer: `data.name`, `data.title`. */
  'employer_signed',
  /** What the state did with the request was recorded: `data.status`, `data.on` and its fields. */
  'filing_recorded',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/**
 * What an audit record is about: PII reveals and exports (the forms and packets carry full SSNs),
 * and an admin's changes to what a tax credit depends on (a hire's dates, what the state decided).
 */
export const AUDIT_ACTIONS = [
  'ssn_revealed',
  'applicants_exported',
  'hire_updated',
  /** Form 8850 or ETA 9061 of one hire downloaded (full SSN): `detail.form`. */
  'form_downloaded',
  /** A state packet downloaded (both forms of each hire, full SSNs): `detail.applicantIds`. */
  'filing_packet_exported',
  /** What the state did with a request recorded (by hand or by a determinations upload). */
  'filing_recorded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const DEFAULT_TAG_PREFIX = 'Eligo';

/**
 * The prefix of the Lever tags Eligo writes (`<prefix>-WOTC:Pre Qualified`). Lever tags are free,
 * case-sensitive text; the prefix is kept to letters, digits, spaces and `_ . & ' -`, starts and ends
 * with a letter or digit, and never holds the `:` that separates it from the status.
 */
export const TAG_PREFIX_PATTERN = "^[\\p{L}\\p{N}](?:[\\p{L}\\p{N} _.&'-]{0,38}[\\p{L}\\p{N}])?$";

/** The tag Eligo writes for a status, e.g. `Eligo-WOTC:Pre Qualified`. */
export function wotcTag(prefix: string, status: 'pre_qualified' | 'not_qualified'): string {
  return `${prefix}-WOTC:${status === 'pre_qualified' ? 'Pre Qualified' : 'Not Qualified'}`;
}
