/*
 * What other modules may use of this one: nothing. It serves the development mailbox
 * (`mailbox.routes.ts`), registered by app.ts.
 */
export {};
