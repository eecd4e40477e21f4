/*
 * What other modules may use of the organizations (everything else in this folder is private):
 * the organization record (its name, survey language and Lever tag prefix).
 */
export {
  organizationModel,
  type Organization,
  type OrganizationDocument,
} from './organization.model.ts';
