/*
 * What other modules may use of the organizations (everything else in this folder is private):
 * the organization record (its name, survey language and Lever tag prefix), its employer profile
 * (EIN decrypted: never log it or send it to a member) and the "employer profile saved" event
 * (`app.organizations`, organization.routes.ts).
 */
export {
  organizationModel,
  type Organization,
  type OrganizationDocument,
} from './organization.model.ts';
export { employerBrief, employerProfileOf, loadEmployerProfile } from './employer-profile.ts';
export type { EmployerChange, EmployerChangedListener } from './employer-changed.ts';
