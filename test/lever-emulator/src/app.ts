import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { leverApi } from './api/plugin.ts';
import type { EmulatorContext } from './context.ts';
import { registerControlRoutes } from './control/control.routes.ts';
import { registerAuthorizeRoutes } from './oauth/authorize.routes.ts';
import { registerTokenRoutes } from './oauth/token.routes.ts';
import { registerUi } from './ui/plugin.ts';
import { registerFormBody } from './ui/form-body.ts';

/**
 * One Fastify app serves what Lever spreads over several hosts: auth (authorize, token), the Data API
 * under /v1, the web app's settings and candidates pages, and the emulator's own /_emulator controls.
 */
export function buildApp(ctx: EmulatorContext): FastifyInstance {
  const app = Fastify({
    logger: ctx.options.logger,
    // Lever's offsets and tags may contain any character; keep Fastify's defaults otherwise.
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Only writes change what the state file keeps (a GET at most adds a login in progress).
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') ctx.changed();
  });
  registerFormBody(app);
  void app.register(cookie);
  // The Data API is encapsulated so its auth hooks and Lever error shape stay under /v1.
  void app.register(leverApi, { prefix: '/v1', ctx });
  void app.register(async (auth) => {
    registerAuthorizeRoutes(auth, ctx);
    registerTokenRoutes(auth, ctx);
  });
  void app.register(async (control) => registerControlRoutes(control, ctx), {
    prefix: '/_emulator',
  });
  void app.register(async (ui) => registerUi(ui, ctx));
  return app;
}
