/*
 * What other modules may use of the survey (everything else in this folder is private): the
 * invitation Lever's application job sends once an applicant is registered.
 */
export { inviteApplicant, type InviteOutcome, type InviteResult } from './invitation.service.ts';
