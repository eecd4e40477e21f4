import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { organizationRoutes } from '@eligo/shared/routes';
import type { OrganizationSettings } from '@eligo/shared/schemas/organization';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { employerChangedEvents, type EmployerChangedListener } from './employer-changed.ts';
import { employerProfileOf, storedEmployerProfile } from './employer-profile.ts';
import { organizationModel, type Organization } from './organization.model.ts';

/** What other modules use of the organizations at run time, one per application instance. */
export interface Organizations {
  /** Subscribes to "employer profile saved"; returns the unsubscribe function. */
  onEmployerChanged(listener: EmployerChangedListener): () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    organizations: Organizations;
  }
}

async function toSettings(
  app: FastifyInstance,
  organization: Organization,
): Promise<OrganizationSettings> {
  return {
    tagPrefix: organization.tagPrefix,
    surveyLanguage: organization.surveyLanguage,
    employer: await employerProfileOf(app, organization),
  };
}

/**
 * My Account › Data Settings: the organization's own settings (admins), the employer profile
 * among them. A fastify-plugin so that `app.organizations` ("employer profile saved") is one object
 * for the application instance; registered before the modules that listen to it.
 */
export default fp(
  async function organizationModule(app: FastifyInstance): Promise<void> {
    const Organizations = organizationModel(app.mongo);
    const employerChanged = employerChangedEvents();
    app.decorate('organizations', {
      onEmployerChanged: employerChanged.on,
    } satisfies Organizations);

    async function load(id: Organization['_id']) {
      // The organization comes from the session only; it is the tenant root itself.
      const organization = await Organizations.findById(id);
      if (!organization) throw AppError.notFound('No such organization');
      return organization;
    }

    registerRoute(app, organizationRoutes.getSettings, {
      handler: async (request) =>
        toSettings(app, await load(requireAuth(request).organization._id)),
    });

    registerRoute(app, organizationRoutes.updateSettings, {
      handler: async (request) => {
        const organization = await load(requireAuth(request).organization._id);
        const { tagPrefix, surveyLanguage, employer } = request.body;
        if (tagPrefix !== undefined) organization.tagPrefix = tagPrefix;
        if (surveyLanguage !== undefined) organization.surveyLanguage = surveyLanguage;
        const before = employer ? await employerProfileOf(app, organization) : null;
        if (employer) {
          organization.employer = await storedEmployerProfile(app, organization._id, employer);
          organization.markModified('employer');
        }
        await organization.save();
        if (before) {
          await employerChanged.announce({
            organizationId: organization._id,
            before,
            after: await employerProfileOf(app, organization),
          });
        }
        return toSettings(app, organization);
      },
    });
  },
  { name: 'organizations', dependencies: ['mongo', 'crypto', 'auth'] },
);
