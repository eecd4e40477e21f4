import { defineRoute } from '../route-table.ts';
import {
  organizationSettingsSchema,
  updateOrganizationSettingsBodySchema,
} from '../schemas/organization.ts';

export const organizationRoutes = {
  getSettings: defineRoute({
    method: 'GET',
    path: '/api/organization/settings',
    summary: "The organization's data settings (Lever tag prefix, survey email language)",
    access: 'admin',
    tags: ['organization'],
    response: organizationSettingsSchema,
  }),
  updateSettings: defineRoute({
    method: 'PATCH',
    path: '/api/organization/settings',
    summary: "Change the organization's data settings",
    access: 'admin',
    tags: ['organization'],
    body: updateOrganizationSettingsBodySchema,
    response: organizationSettingsSchema,
  }),
};
