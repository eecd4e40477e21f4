import type { Types } from 'mongoose';
import type { JobKind } from '@eligo/shared/schemas/jobs';

/**
 * Lever's job types, in one place: defined by `sync/sync-jobs.ts`, queued by the webhook receiver
 * (`lever.application`) and by the tag sync (`lever.tag`). Payloads are job edges: ids as strings.
 */
export const LEVER_JOBS = {
  /** One `applicationCreated` inbox row → an applicant and their survey invitation. */
  application: 'lever.application',
  /** An applicant's `<prefix>-WOTC:…` tag written to their Lever opportunity. */
  tag: 'lever.tag',
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
