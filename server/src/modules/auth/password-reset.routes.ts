import type { FastifyInstance } from 'fastify';
import { authRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import { passwordResetService } from './password-reset.service.ts';

/** "Forgot password?" on the sign-in page, and the reset link's page. Both public. */
export default async function passwordResetRoutes(app: FastifyInstance): Promise<void> {
  const resets = passwordResetService(app);

  registerRoute(app, authRoutes.forgotPassword, {
    handler: async (request) => resets.forgot(request.body.email, request.ip),
  });

  registerRoute(app, authRoutes.resetPassword, {
    handler: async (request) => resets.reset(request.body.token, request.body.password),
  });
}
