/*
 * What other modules may use of auth (everything else in this folder is private): the sign-in
 * limits (the account page counts current-password checks) and the `me` answer.
 */
export { signInLimits, type SignInLimits } from './sign-in-limits.ts';
export { toMe } from './me.ts';
