import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { TimelineEvent, TimelineEventType } from '@eligo/shared/schemas/applicants';
import { insertOnce, isDuplicateKeyError } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { Applicant } from './applicant.model.ts';
import { applicantEventModel, type ApplicantEvent, type TimelineData } from './timeline.model.ts';

/** Who caused an event. Users are named as they were at the time. */
export type Actor =
  | { kind: 'system' }
  | { kind: 'applicant' }
  | { kind: 'lever' }
  | { kind: 'user'; userId: Types.ObjectId; name: string };

export const systemActor: Actor = { kind: 'system' };

/** The signed-in admin behind a request, named as they are now. */
export function userActor(auth: AuthContext): Actor {
  return { kind: 'user', userId: auth.user._id, name: auth.user.name };
}

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

/** A stable event id for things that happen once (a retry records nothing new). */
function onceId(applicant: ApplicantRef, key: string): Types.ObjectId {
  const digest = createHash('sha256').update(`${applicant._id.toHexString()}:${key}`).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}

let lastSeq = 0;
/**
 * A number that grows with every event this process records (microseconds of the clock, bumped
 * when two events share one): events recorded one after the other in the same millisecond — an
 * answer and its evaluation — keep their order.
 */
function nextSeq(): number {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  return lastSeq;
}

/**
 * Appends an event to the applicant's timeline. With `once`, the event has an id derived from the
 * applicant and that key, so recording it twice (a retried job) keeps one.
 */
export async function recordEvent(
  app: FastifyInstance,
  applicant: ApplicantRef,
  type: TimelineEventType,
  options: { actor?: Actor; data?: TimelineData; at?: Date; once?: string } = {},
): Promise<void> {
  const actor = options.actor ?? systemActor;
  const create = () =>
    scoped(applicantEventModel(app.mongo), applicant.organizationId).create({
      ...(options.once ? { _id: onceId(applicant, options.once) } : {}),
      applicantId: applicant._id,
      at: options.at ?? new Date(),
      seq: nextSeq(),
      type,
      actor: {
        kind: actor.kind,
        name: actor.kind === 'user' ? actor.name : null,
        userId: actor.kind === 'user' ? actor.userId : null,
      },
      data: options.data ?? {},
    });
  // Once: a second call finds the event stored and adds nothing.
  if (options.once) await insertOnce(create);
  else await create();
}

/** One event of `recordEventsOnce`. */
export interface OnceEvent {
  applicant: ApplicantRef;
  type: TimelineEventType;
  actor: Actor;
  at: Date;
  once: string;
  data: TimelineData;
}

function allDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.length > 0 && list.every((e) => isDuplicateKeyError(e));
}

/**
 * `recordEvent` with `once` for many applicants of one organization in one insert (a CSV upload's
 * batch): events already recorded stay as they were.
 */
export async function recordEventsOnce(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  events: OnceEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const docs = events.map((event) => ({
    _id: onceId(event.applicant, event.once),
    organizationId,
    applicantId: event.applicant._id,
    at: event.at,
    seq: nextSeq(),
    type: event.type,
    actor: {
      kind: event.actor.kind,
      name: event.actor.kind === 'user' ? event.actor.name : null,
      userId: event.actor.kind === 'user' ? event.actor.userId : null,
    },
    data: event.data,
  }));
  try {
    await applicantEventModel(app.mongo).insertMany(docs, { ordered: false });
  } catch (error) {
    if (!allDuplicates(error)) throw error;
  }
}

/** Timelines are short; this is the most an applicant page shows (oldest first). */
const TIMELINE_LIMIT = 500;

export async function listEvents(
  app: FastifyInstance,
  applicant: ApplicantRef,
): Promise<ApplicantEvent[]> {
  return scoped(applicantEventModel(app.mongo), applicant.organizationId).find(
    { applicantId: applicant._id },
    null,
    { sort: { at: 1, seq: 1 }, limit: TIMELINE_LIMIT },
  );
}

export function toTimelineEventDto(event: ApplicantEvent): TimelineEvent {
  return {
    id: event._id.toHexString(),
    at: event.at.toISOString(),
    type: event.type,
    actor: { kind: event.actor.kind, name: event.actor.name ?? null },
    data: event.data ?? {},
  };
}
