import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { integrationRoutes } from '@eligo/shared/routes';
import type { LeverConnectOutcome } from '@eligo/shared/schemas/integrations';
import { AppError } from '../../../lib/app-error.ts';
import { registerRoute } from '../../../lib/route.ts';
import { requireAuth } from '../../../plugins/auth.ts';
import { integrationsService } from './integrations.service.ts';
import { InvalidStateError, registerLeverOAuth, type LeverOAuth } from './oauth.ts';

/** Where the SPA shows the ATS Integrations screen; the callback sends the admin back there. */
export const SCREEN_PATH = '/account/data-settings/ats-integrations';

/** Lever's `error` redirect (lever-api.md §1.4): who refused, in our words. */
function refusalOutcome(error: string, description: string | undefined): LeverConnectOutcome {
  if (error !== 'access_denied') return 'failed';
  return /super.?admin/i.test(description ?? '') ? 'not_super_admin' : 'denied';
}

/** The ATS Integrations screen's API (admins only) and Lever's OAuth redirect back to us. */
export default async function integrationsModule(app: FastifyInstance): Promise<void> {
  const integrations = integrationsService(app);
  const oauth: LeverOAuth | null = app.config.lever
    ? await registerLeverOAuth(app, app.config.lever)
    : null;
  const requireOAuth = () => {
    if (!oauth) {
      throw new AppError(
        ErrorCode.LeverNotConfigured,
        'Lever is not configured on this server (LEVER_* settings).',
      );
    }
    return oauth;
  };
  const backToScreen = (reply: FastifyReply, outcome: LeverConnectOutcome) => {
    void reply.header('location', `${SCREEN_PATH}?lever=${outcome}`);
  };

  registerRoute(app, integrationRoutes.list, {
    handler: async (request) => integrations.list(requireAuth(request)),
  });

  registerRoute(app, integrationRoutes.connectLever, {
    handler: async (request, reply) => {
      void reply.header('location', await requireOAuth().authorizeUrl(request, reply));
    },
  });

  registerRoute(app, integrationRoutes.leverCallback, {
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const flow = requireOAuth();
      const { error, error_description: description, code } = request.query;
      try {
        if (error || !code) {
          await flow.consumeState(request);
          backToScreen(reply, error ? refusalOutcome(error, description) : 'failed');
          return;
        }
        const tokens = await flow.exchangeCode(request, reply);
        backToScreen(reply, await integrations.completeConnect(auth, tokens));
      } catch (failure) {
        if (failure instanceof InvalidStateError) {
          request.log.warn('Lever callback with an unknown, foreign or used state');
          backToScreen(reply, 'invalid_state');
          return;
        }
        request.log.error({ err: failure }, 'Connecting Lever failed');
        backToScreen(reply, 'failed');
      }
    },
  });

  registerRoute(app, integrationRoutes.remove, {
    handler: async (request) =>
      integrations.remove(requireAuth(request), request.params.integrationId),
  });

  registerRoute(app, integrationRoutes.regenerateSignatureToken, {
    handler: async (request) =>
      integrations.regenerate(
        requireAuth(request),
        request.params.integrationId,
        request.query.event,
      ),
  });

  registerRoute(app, integrationRoutes.setManualWebhook, {
    handler: async (request) =>
      integrations.setManual(
        requireAuth(request),
        request.params.integrationId,
        request.body.signatureToken,
        request.body.event,
      ),
  });
}
