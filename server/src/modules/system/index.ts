/*
 * What other modules may use of this one: nothing. It serves the health and readiness answers
 * (`system.routes.ts`), registered by app.ts.
 */
export {};
