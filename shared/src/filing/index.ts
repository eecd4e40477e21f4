/*
 * Hires, the employer profile and the 28-day filing deadline (docs/filing.md): pure code, no I/O,
 * no clock (every function takes `now` or `today`), the same in the server and the browser.
 * Schemas live in `schemas/employer.ts`, `hire.ts`, `filing-status.ts`, `hires.ts`, `filing.ts`.
 */
export * from './buckets.ts';
export * from './deadline.ts';
export * from './describe-filing.ts';
export * from './employer.ts';
export * from './hire.ts';
export * from './hires-csv.ts';
export * from './missing.ts';
export * from './status.ts';
export * from './time-zones.ts';
export * from './consent.ts';
export * from './documents.ts';
