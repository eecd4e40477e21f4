import type { FastifyInstance } from 'fastify';
import { organizationRoutes } from '@eligo/shared/routes';
import type { OrganizationSettings } from '@eligo/shared/schemas/organization';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { organizationModel, type Organization } from './organization.model.ts';

function toSettings(organization: Organization): OrganizationSettings {
  return {
    tagPrefix: organization.tagPrefix,
    surveyLanguage: organization.surveyLanguage,
    // Organizations saved before the setting existed have none: members may not.
    membersSeeProtectedAnswers: organization.membersSeeProtectedAnswers === true,
  };
}

/** My Account › Data Settings: the organization's own settings (admins). */
export default async function organizationModule(app: FastifyInstance): Promise<void> {
  const Organizations = organizationModel(app.mongo);

  async function load(id: Organization['_id']) {
    // The organization comes from the session only; it is the tenant root itself.
    const organization = await Organizations.findById(id);
    if (!organization) throw AppError.notFound('No such organization');
    return organization;
  }

  registerRoute(app, organizationRoutes.getSettings, {
    handler: async (request) => toSettings(await load(requireAuth(request).organization._id)),
  });

  registerRoute(app, organizationRoutes.updateSettings, {
    handler: async (request) => {
      const organization = await load(requireAuth(request).organization._id);
      if (request.body.tagPrefix !== undefined) organization.tagPrefix = request.body.tagPrefix;
      if (request.body.surveyLanguage !== undefined) {
        organization.surveyLanguage = request.body.surveyLanguage;
      }
      if (request.body.membersSeeProtectedAnswers !== undefined) {
        organization.membersSeeProtectedAnswers = request.body.membersSeeProtectedAnswers;
      }
      await organization.save();
      return toSettings(organization);
    },
  });
}
