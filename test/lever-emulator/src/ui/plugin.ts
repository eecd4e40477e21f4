import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { registerCandidateRoutes } from './candidates.routes.ts';
import { registerLoginRoutes } from './login.routes.ts';
import { registerSettingsRoutes } from './settings.routes.ts';
import { registerWebhookSettingsRoutes } from './webhooks.routes.ts';

/** The emulated Lever web app: login, Settings > Integrations and API, Candidates. */
export function registerUi(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/', { schema: { summary: 'Home: go to Candidates' } }, async (_request, reply) =>
    reply.redirect('/candidates'),
  );
  registerLoginRoutes(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerWebhookSettingsRoutes(app, ctx);
  registerCandidateRoutes(app, ctx);
}
