import { defineRoute } from '../route-table.ts';
import { organizationEndpoints } from './organization-endpoints.ts';
import {
  organizationSettingsSchema,
  updateOrganizationSettingsBodySchema,
} from '../schemas/organization.ts';

export const organizationRoutes = {
  getSettings: defineRoute({
    ...organizationEndpoints.getSettings,
    summary: "The organization's data settings (Lever tag prefix, survey email language)",
    access: 'admin',
    tags: ['organization'],
    response: organizationSettingsSchema,
  }),
  updateSettings: defineRoute({
    ...organizationEndpoints.updateSettings,
    summary: "Change the organization's data settings",
    access: 'admin',
    tags: ['organization'],
    body: updateOrganizationSettingsBodySchema,
    response: organizationSettingsSchema,
  }),
};
