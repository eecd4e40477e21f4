import type { ErrorDetail } from '@eligo/shared/errors';
import { validateSubmission, type DraftAnswers } from '@eligo/shared/wotc';
import { countyByFips } from '@eligo/shared/wotc/county-list';

/** A real SSN (not "declined", not absent). */
export function isSsnValue(value: unknown): value is string {
  return typeof value === 'string' && value !== 'declined';
}

/** The shared checks, plus one the browser cannot make: the county exists (county-list.ts). */
export function checkAnswers(answers: unknown, asOf: string) {
  return validateSubmission(answers, asOf, { countyExists: (fips) => !!countyByFips(fips) });
}

/** Errors a draft may not have; missing answers are fine until submit. */
export function draftErrors(answers: DraftAnswers, asOf: string): ErrorDetail[] {
  return checkAnswers(answers, asOf)
    .errors.filter((e) => e.code !== 'required' && e.code !== 'dob_required_under_40')
    .map((e) => ({ path: `/body/answers${e.path}`, message: e.message }));
}
