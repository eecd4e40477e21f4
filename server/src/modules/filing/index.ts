/*
 * What other modules may use of the filing module: nothing yet. It serves the Filing screen
 * (`filing.routes.ts`, registered by app.ts) and sends the daily digest; `sendDueDigests` is here
 * for the tests, which run a sweep at a moment of their injected clock.
 */
export { sendDueDigests, type DigestOutcome } from './digest/digest.ts';
