import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { accountRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { toMe } from '../auth/me.ts';

/** The signed-in user's own profile and password (My Account > Profile). */
export default async function accountModule(app: FastifyInstance): Promise<void> {
  registerRoute(app, accountRoutes.updateProfile, {
    handler: async (request) => {
      const { user, organization } = requireAuth(request);
      user.name = request.body.name.trim();
      await user.save();
      return toMe(user, organization);
    },
  });

  registerRoute(app, accountRoutes.changePassword, {
    handler: async (request) => {
      const { user, sessionToken } = requireAuth(request);
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError(
          ErrorCode.ValidationFailed,
          400,
          'Your current password is not correct',
          [{ path: '/body/currentPassword', message: 'is not correct' }],
        );
      }
      user.passwordHash = await hashPassword(request.body.newPassword);
      await user.save();
      // Anyone else holding a session of this account is signed out; this browser stays in.
      await app.sessions.destroyAllForUser(user._id, sessionToken);
    },
  });
}
