/*
 * What other modules may use of the credits (everything else in this folder is private): the
 * tax year's ledger, for the home's credit figures.
 */
export { creditLedger } from './credit-ledger.ts';
