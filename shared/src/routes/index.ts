/*
 * The API's route table, one file per domain. The server registers each entry (schemas, access
 * rule, OpenAPI) and the web client derives its typed calls from the same entries. Import a domain's
 * file (`@eligo/shared/routes/survey`) where bundle size matters: every schema is built at load time.
 */
export * from '../route-table.ts';
export * from './system.ts';
export * from './auth.ts';
export * from './account.ts';
export * from './users.ts';
export * from './mailbox.ts';
export * from './survey.ts';
export * from './counties.ts';
export * from './integrations.ts';
export * from './applicants.ts';
export * from './organization.ts';
export * from './audit.ts';
export * from './account-preferences.ts';
export * from './hires.ts';
export * from './filing.ts';
export * from './home.ts';
export * from './jobs.ts';
export * from './credits.ts';
