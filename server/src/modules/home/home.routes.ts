import type { FastifyInstance } from 'fastify';
import { homeRoutes } from '@eligo/shared/routes/home';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { homeTodo } from './home-todo.ts';

/** The home's to-do counts, for everyone of the organization (admins act on most of them). */
export default async function homeModule(app: FastifyInstance): Promise<void> {
  registerRoute(app, homeRoutes.todo, {
    handler: async (request) => homeTodo(app, requireAuth(request).organization._id),
  });
}
