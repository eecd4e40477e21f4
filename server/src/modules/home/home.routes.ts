import type { FastifyInstance } from 'fastify';
import { homeRoutes } from '@eligo/shared/routes/home';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { homeCredit } from './home-credit.ts';
import { homeTodo } from './home-todo.ts';

/** The home's to-do counts (everyone of the organization) and credit figures (admins). */
export default async function homeModule(app: FastifyInstance): Promise<void> {
  registerRoute(app, homeRoutes.todo, {
    handler: async (request) => homeTodo(app, requireAuth(request).organization._id),
  });
  registerRoute(app, homeRoutes.credit, {
    handler: async (request) => homeCredit(app, requireAuth(request).organization._id),
  });
}
