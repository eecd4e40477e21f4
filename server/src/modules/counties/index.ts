/*
 * What other modules may use of this one: nothing. It serves the county list of the survey
 * (`counties.routes.ts`), registered by app.ts.
 */
export {};
