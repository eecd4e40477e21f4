/*
 * What other modules may use of this one: nothing. It serves the admin's view of dead background
 * work and "Retry all" (`jobs.routes.ts`), registered by app.ts; the jobs themselves are
 * `app.jobs` (server/src/plugins/jobs.ts).
 */
export {};
