import type { FastifyInstance } from 'fastify';
import { userRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { userModel } from '../users/index.ts';
import { signInLimits } from './sign-in-limits.ts';

/**
 * An admin's "Unlock sign-in" on the Users screen: forgets the failed sign-ins that lock a user's
 * account for browsers it does not know. The limits are the auth module's, so the action is too
 * (the users module does not reach into auth).
 */
export default async function signInUnlockRoutes(app: FastifyInstance): Promise<void> {
  const limits = signInLimits(app);

  registerRoute(app, userRoutes.unlockSignIn, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const user = await scoped(userModel(app.mongo), auth.organization._id).findById(
        request.params.id,
      );
      if (!user) throw AppError.notFound('No such user');
      await limits.unlockAccount(user.emailNormalized);
    },
  });
}
