/*
 * What other modules may use of this one: nothing. It serves the signed-in user's own account
 * (`account.routes.ts`), registered by app.ts.
 */
export {};
