import type { FastifyInstance } from 'fastify';
import { accountPreferenceRoutes, accountRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { registerRoute } from '../../lib/route.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { requireAuth, type AuthContext } from '../../plugins/auth.ts';
import { signInLimits, toMe } from '../auth/index.ts';
import { type UserDocument, userModel } from '../users/index.ts';

/** The signed-in user's own profile, password and notification choices (My Account > Profile). */
export default async function accountModule(app: FastifyInstance): Promise<void> {
  const Users = userModel(app.mongo);
  const limits = signInLimits(app);

  /** The caller's own user document (the session holds only a copy of a few fields). */
  async function ownUser(auth: AuthContext): Promise<UserDocument> {
    const user = await scoped(Users, auth.organization._id).findById(auth.user._id);
    if (!user) throw AppError.unauthenticated('Your session has ended. Please sign in again.');
    return user;
  }

  registerRoute(app, accountRoutes.updateProfile, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const user = await ownUser(auth);
      user.name = request.body.name.trim();
      await user.save();
      await app.sessions.syncUser(user);
      return toMe(user, auth.organization);
    },
  });

  // Users created before preferences existed have none stored: the defaults apply.
  const preferencesOf = (user: UserDocument) => ({
    filingDigest: user.preferences?.filingDigest !== false,
  });

  registerRoute(app, accountPreferenceRoutes.get, {
    handler: async (request) => preferencesOf(await ownUser(requireAuth(request))),
  });

  registerRoute(app, accountPreferenceRoutes.update, {
    handler: async (request) => {
      const user = await ownUser(requireAuth(request));
      if (request.body.filingDigest !== undefined) {
        user.set('preferences.filingDigest', request.body.filingDigest);
      }
      await user.save();
      return preferencesOf(user);
    },
  });

  registerRoute(app, accountRoutes.changePassword, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const user = await ownUser(auth);
      // Counted before the check, so a stolen session cannot guess the password in parallel.
      const releaseCheck = await limits.reservePasswordCheck(user._id);
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw AppError.validation(
          [{ path: '/body/currentPassword', message: 'is not correct' }],
          'Your current password is not correct',
        );
      }
      await releaseCheck();
      user.passwordHash = await hashPassword(request.body.newPassword);
      await user.save();
      // Anyone else holding a session of this account is signed out; this browser stays in.
      await app.sessions.destroyAllForUser(user._id, auth.sessionToken);
    },
  });
}
