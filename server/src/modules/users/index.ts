/*
 * What other modules may use of the users (everything else in this folder is private): the user
 * record, which sign-in, the account page and the Lever tile ("connected by") read.
 */
export { userModel, type User, type UserDocument } from './user.model.ts';
