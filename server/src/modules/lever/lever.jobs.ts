import type { Types } from 'mongoose';
import type { JobKind } from '@eligo/shared/schemas/jobs';

/**
 * Lever's job types, in one place: defined by `sync/sync-jobs.ts`, queued by the webhook receiver
 * (`lever.application`, `lever.hire`), the tag sync (`lever.tag`) and the reconcile
 * (`lever.reconcile`, which queues `lever.hire`). Payloads are job edges: ids as strings.
 */
export const LEVER_JOBS = {
  /** One `applicationCreated` inbox row → an applicant and their survey invitation. */
  application: 'lever.application',
  /** An applicant's `<prefix>-WOTC:…` tag written to their Lever opportunity. */
  tag: 'lever.tag',
  /** One hired opportunity → the hire recorded on its applicant (with the offer's dates). */
  hire: 'lever.hire',
  /** One integration's look at Lever for hires a lost webhook missed. */
  reconcile: 'lever.reconcile',
  /** One admin told that the Lever grant ends within 30 (or 7) days. */
  grantWarning: 'lever.grant-warning',
} as const;

/** The admin-facing kinds of Lever work (dead counts and "Retry all" per kind). */
export const LEVER_JOB_KINDS = {
  application: 'lever-application',
  tag: 'lever-tag',
} as const satisfies Record<string, JobKind>;

/**
 * The job group of an integration's work: both job types of one integration are paused together
 * while it is Disconnected (`app.jobs.pauseGroup`) and resumed after Reconnect.
 */
export const jobGroupOf = (integrationId: Types.ObjectId) => integrationId.toHexString();

export interface ApplicationJobPayload {
  inboxId: string;
}

export interface TagJobPayload {
  applicantId: string;
}

export interface HireJobPayload {
  integrationId: string;
  opportunityId: string;
  source: 'lever_webhook' | 'lever_reconcile';
  /** When Lever said the event happened (webhook) — the hire day when it is not archived yet. */
  triggeredAt: number | null;
  /**
   * The opportunity's `archived.archivedAt`, when the reconcile already read it in Lever's list
   * (the job then does not read the opportunity again).
   */
  archivedAt: number | null;
}

/**
 * One hire job per integration and opportunity, ever: the webhook and the reconcile (on every
 * instance, run after run) queue it under this key, so a hire is recorded by one job, once.
 */
export const hireJobKey = (integrationId: Types.ObjectId, opportunityId: string) =>
  `${integrationId.toHexString()}:${opportunityId}`;

export interface ReconcileJobPayload {
  integrationId: string;
}

export interface GrantWarningPayload {
  integrationId: string;
  userId: string;
  /** 30 or 7: the warning this is. */
  threshold: number;
  /** The grant it is about (ms): a Reconnect since (a new grant) makes it moot. */
  grantedAt: number;
  /** Whole days left when it was queued (what the email says). */
  daysLeft: number;
}
