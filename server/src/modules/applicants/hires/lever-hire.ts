import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import {
  defaultEmployedInState,
  effectiveTimeZone,
  hireDateProblems,
  hireProblems,
  mergeHire,
  type HireInput,
} from '@eligo/shared/filing';
import type { HireValues } from '@eligo/shared/schemas/hire';
import { isIsoDate } from '@eligo/shared/wotc/dates';
import { LINE_MAX } from '@eligo/shared/wotc/answer-checks';
import { loadEmployerProfile } from '../../organizations/index.ts';
import { applicantIdFor } from '../registration.service.ts';
import { writeHire } from './hire-writer.ts';

/** What Lever says about a hire; a field left out or `null` is "not known" (never "remove"). */
export type LeverHireFacts = Partial<
  Pick<HireValues, 'offeredOn' | 'hiredOn' | 'anticipatedStartOn' | 'position' | 'startingWage'>
>;

export interface RecordLeverHireInput {
  organizationId: Types.ObjectId;
  opportunityId: string;
  facts: LeverHireFacts;
  /** The `candidateHired` webhook's job, or the reconcile job that found a hire the webhook missed. */
  source: 'lever_webhook' | 'lever_reconcile';
}

export interface RecordLeverHireResult {
  /** `null`: Eligo never screened this opportunity; nothing was recorded (report it). */
  applicantId: Types.ObjectId | null;
  /** False when Lever said nothing new (the same facts again, or only values a person set). */
  changed: boolean;
}

/** The facts Lever gave that are well-formed; anything else is treated as not known. */
function wellFormed(facts: LeverHireFacts): { input: HireInput; dropped: string[] } {
  const input: HireInput = {};
  const dropped: string[] = [];
  for (const field of ['offeredOn', 'hiredOn', 'anticipatedStartOn'] as const) {
    const value = facts[field];
    if (value === undefined || value === null) continue;
    if (isIsoDate(value)) input[field] = value;
    else dropped.push(field);
  }
  const position = facts.position?.trim().replace(/\s+/g, ' ');
  if (position) input.position = position.slice(0, LINE_MAX);
  const wage = facts.startingWage;
  if (wage !== undefined && wage !== null) {
    if (hireProblems({ startingWage: wage }).length === 0) input.startingWage = wage;
    else dropped.push('startingWage');
  }
  return { input, dropped };
}

/**
 * Records on the applicant of a Lever opportunity what Lever says about its hire (docs/filing.md
 * §2). Lever never overwrites nor clears what a person entered (`mergeHire`); the state of
 * employment defaults to the employer's only employment state. Lever dates that would contradict a
 * person's (a hire date after the start an admin confirmed) are left out: the admin's dates stand.
 * Idempotent and safe with several instances racing: the same facts twice change nothing, and each
 * change is one timeline entry.
 */
export async function recordLeverHire(
  app: FastifyInstance,
  { organizationId, opportunityId, facts, source }: RecordLeverHireInput,
): Promise<RecordLeverHireResult> {
  const log = app.log.child({ module: 'applicants', organizationId: organizationId.toHexString() });
  const _id = applicantIdFor(organizationId, opportunityId);
  const profile = await loadEmployerProfile(app, organizationId);
  const { input, dropped } = wellFormed(facts);
  if (dropped.length > 0)
    log.warn({ source, dropped }, 'Lever hire facts not well-formed: ignored');
  const stateByDefault = defaultEmployedInState(profile);
  const result = await writeHire(
    app,
    { _id, organizationId },
    {
      source,
      actor: { kind: 'lever' },
      merge(before) {
        const withState: HireInput =
          stateByDefault && !before?.employedInState
            ? { ...input, employedInState: stateByDefault }
            : input;
        const merged = mergeHire(before, withState, source);
        if (hireDateProblems(merged.hire).length === 0) return merged;
        const withoutDates: HireInput = { ...withState };
        delete withoutDates.offeredOn;
        delete withoutDates.hiredOn;
        log.warn({ source }, "Lever's hire dates contradict the confirmed ones: left out");
        return mergeHire(before, withoutDates, source);
      },
    },
    effectiveTimeZone(profile),
  );
  if (!result) {
    log.info({ source }, 'hire of an opportunity Eligo never screened: not recorded');
    return { applicantId: null, changed: false };
  }
  return { applicantId: _id, changed: result.changed };
}
