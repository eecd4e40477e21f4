import type { FastifyInstance } from 'fastify';
import { userRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { toUserDto } from './user.model.ts';
import { handleInvitationMail, usersService } from './users.service.ts';

export default async function usersModule(app: FastifyInstance): Promise<void> {
  const users = usersService(app);
  handleInvitationMail(app);

  registerRoute(app, userRoutes.list, {
    handler: async (request) => ({
      items: (await users.list(requireAuth(request))).map(toUserDto),
    }),
  });

  registerRoute(app, userRoutes.invite, {
    handler: async (request) => toUserDto(await users.invite(requireAuth(request), request.body)),
  });

  registerRoute(app, userRoutes.update, {
    handler: async (request) =>
      toUserDto(await users.update(requireAuth(request), request.params.id, request.body)),
  });

  registerRoute(app, userRoutes.resendInvitation, {
    handler: async (request) =>
      toUserDto(await users.resendInvitation(requireAuth(request), request.params.id)),
  });
}
