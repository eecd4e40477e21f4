import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HIRE_FIELD_LABELS, type HireField, type HireMerge } from '@eligo/shared/filing';
import type { ApplicantHire, HireSource } from '@eligo/shared/schemas/hire';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { revisions } from '../../../lib/db/index.ts';
import { applicantModel, type Applicant } from '../applicant.model.ts';
import { recordEvent, type Actor, type OnceEvent } from '../timeline.ts';
import type { TimelineData } from '../timeline.model.ts';
import { factsUpdate, filingFactsOf, toHireDto, unchangedInputs } from './filing-facts.ts';
import type { HireChange, StoredHire } from './hire.model.ts';

/** Compare-and-set attempts before giving up (each lost one means another writer just won). */
const MAX_ATTEMPTS = 10;

export interface HireWrite {
  source: HireSource;
  actor: Actor;
  /**
   * The new hire from the one stored (`null`: none yet), by `mergeHire` and the caller's rules; it
   * may throw to refuse (nothing is written). Called again when another writer got there first.
   */
  merge(before: ApplicantHire | null): HireMerge;
  /** Goes on the timeline with the change (an admin's reason for changing a confirmed value). */
  reason?: string;
}

export interface HireWriteResult {
  applicant: Applicant;
  /** Something changed (a value, or who set it). */
  changed: boolean;
  merge: HireMerge;
}

type ApplicantRef = Pick<Applicant, '_id' | 'organizationId'>;

function valueText(value: unknown): string {
  return value === null || value === undefined ? 'unknown' : String(value);
}

/** What the timeline shows of a change: the fields in words with their new values. */
export function changeData(write: HireWrite, merge: HireMerge): TimelineData {
  const describe = (fields: HireField[]) =>
    fields.map((field) => `${HIRE_FIELD_LABELS[field]} ${valueText(merge.hire[field])}`).join(', ');
  return {
    source: write.source,
    changed: merge.changed.join(','),
    fields: describe(merge.changed) || null,
    confirmed: describe(merge.confirmed) || null,
    reason: write.reason ?? null,
  };
}

function storedActor(actor: Actor): HireChange['actor'] {
  return actor.kind === 'user'
    ? { kind: 'user', name: actor.name, userId: actor.userId }
    : { kind: actor.kind === 'lever' ? 'lever' : 'system', name: null, userId: null };
}

function actorOf(stored: HireChange['actor']): Actor {
  if (stored.kind === 'user' && stored.userId) {
    return { kind: 'user', userId: stored.userId, name: stored.name ?? '' };
  }
  return stored.kind === 'lever' ? { kind: 'lever' } : { kind: 'system' };
}

/** The change's timeline entry, once per hire version (a retry or a lost race records nothing). */
export function changeEvent(ref: ApplicantRef, change: HireChange): OnceEvent {
  return {
    applicant: ref,
    type: change.type,
    actor: actorOf(change.actor),
    at: change.at,
    once: `hire:${change.version}`,
    data: change.data,
  };
}

async function recordChange(app: FastifyInstance, ref: ApplicantRef, change: HireChange) {
  const { applicant, type, ...options } = changeEvent(ref, change);
  await recordEvent(app, applicant, type, options);
}

export interface PlannedHireWrite {
  merge: HireMerge;
  /** Null when nothing changes. */
  change: HireChange | null;
  filter: Record<string, unknown>;
  update: { $set: Record<string, unknown> };
}

/**
 * The write of `write` on the applicant as read: the merged hire with its next version, the filing
 * facts, and the compare-and-set filter on every input of those facts (`unchangedInputs`).
 */
export function planHireWrite(
  applicant: Applicant,
  write: HireWrite,
  now: Date,
  timeZone: string,
): PlannedHireWrite {
  const before = applicant.hire;
  const merge = write.merge(before ? toHireDto(before) : null);
  const filter = { _id: applicant._id, organizationId: applicant.organizationId };
  // Being hired is news in itself: a first write records the hire even when no value is known.
  if (before && merge.changed.length === 0 && merge.confirmed.length === 0) {
    return { merge, change: null, filter, update: { $set: {} } };
  }
  const version = (before?.version ?? 0) + 1;
  const change: HireChange = {
    version,
    writeId: randomUUID(),
    type: before ? 'hire_updated' : 'hire_recorded',
    at: now,
    actor: storedActor(write.actor),
    data: changeData(write, merge),
  };
  const hire: StoredHire = {
    ...merge.hire,
    source: before?.source ?? write.source,
    version,
    recordedAt: before?.recordedAt ?? now,
    updatedAt: now,
    lastChange: change,
  };
  const facts = filingFactsOf({ ...applicant, hire }, timeZone)!;
  return {
    merge,
    change,
    filter: { ...filter, ...unchangedInputs(applicant) },
    update: { $set: { hire, ...factsUpdate(applicant, facts) } },
  };
}

/**
 * Writes an applicant's hire: read, merge, and a compare-and-set on every input of the filing
 * facts, so two instances recording the same hire at once produce one change and one timeline
 * entry, and the stored facts always match the hire, the survey and the status they were computed
 * from. `null` when there is no such applicant.
 */
export async function writeHire(
  app: FastifyInstance,
  ref: ApplicantRef,
  write: HireWrite,
  timeZone: string,
): Promise<HireWriteResult | null> {
  const Applicants = scoped(applicantModel(app.mongo), ref.organizationId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const applicant = await Applicants.findById(ref._id).lean<Applicant>();
    if (!applicant) return null;
    const plan = planHireWrite(applicant, write, app.clock.now(), timeZone);
    if (!plan.change) {
      // The same facts again. A crash after the last write may have lost its timeline entry.
      const last = applicant.hire?.lastChange;
      if (last) await recordChange(app, applicant, last);
      return { applicant, changed: false, merge: plan.merge };
    }
    const result = await Applicants.updateOne(plan.filter, plan.update);
    if (result.matchedCount === 1) {
      await revisions(app.mongo).bump('hires', ref.organizationId);
      await recordChange(app, applicant, plan.change);
      return { applicant, changed: true, merge: plan.merge };
    }
  }
  throw new Error(`The hire of applicant ${ref._id.toHexString()} kept changing under this write`);
}
