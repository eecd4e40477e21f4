import type { DraftAnswers, SubmittedAnswers } from '@eligo/shared/wotc';
import { allNoAnswers } from '@eligo/shared/wotc/fixtures';
import { bornYearsAgo, daysAgo } from './dates.ts';

export { today } from './dates.ts';

/** The applicant's answers a test submits: a 45-year-old saying no to everything. */
export { allNoAnswers };

/**
 * Distinctive values that must never appear in plain text in the database or the logs: an SSN,
 * a date of birth, a conviction date and free-text answers.
 */
export const canary = {
  ssn: '372-81-5946',
  ssnDigits: '372815946',
  dob: bornYearsAgo(28, 17),
  felonyDate: daysAgo(123),
  recipient: 'Quillon Marchbanks',
  location: 'Zanzibarville, IL',
  street: '417 Pelican Canary Row',
} as const;

/** A complete survey full of canaries: a 28-year-old veteran with SNAP, a felony and follow-ups. */
export function canaryAnswers(): SubmittedAnswers {
  return allNoAnswers({
    ssn: canary.ssn,
    street: canary.street,
    age_band: 'under_40',
    dob: canary.dob,
    q_veteran: 'yes',
    q_vet_snap: 'yes',
    q_vet_snap_recipient: canary.recipient,
    q_vet_snap_location: canary.location,
    q_vet_disability: 'no',
    q_vet_unemp: 'declined',
    q_snap: '6_of_6',
    q_snap_recipient: canary.recipient,
    q_snap_location: canary.location,
    q_felony: 'yes',
    felony_conviction_date: canary.felonyDate,
    felony_jurisdiction: 'state',
    felony_state: 'IL',
  });
}

export const signature = { fullName: 'Ada Lovelace', agreed: true } as const;

export function surveyPath(token: string, action?: 'answers' | 'submit' | 'decline'): string {
  return `/api/survey/${token}${action ? `/${action}` : ''}`;
}

export type { DraftAnswers };

/** A copy of `answers` without the given ids. */
export function without<T extends object>(answers: T, ...ids: Array<keyof T>): Partial<T> {
  const copy: Partial<T> = { ...answers };
  for (const id of ids) delete copy[id];
  return copy;
}
