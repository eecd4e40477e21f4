import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { EmulatorContext } from '../context.ts';
import { newId } from '../ids.ts';
import { field } from '../ui/form-body.ts';
import { errorPage } from '../ui/html.ts';
import { currentUser, loginRedirect } from '../ui/session.ts';
import { consentPage } from './consent.page.ts';
import { parseScopes } from './scopes.ts';
import { issueCode, recordGrant } from './tokens.ts';

const authorizeQuery = Type.Object({
  client_id: Type.Optional(Type.String()),
  redirect_uri: Type.Optional(Type.String()),
  response_type: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  audience: Type.Optional(Type.String()),
  scope: Type.Optional(Type.String()),
  prompt: Type.Optional(Type.String()),
});
type AuthorizeQuery = Static<typeof authorizeQuery>;

/** `?state=…&code=…` or `?state=…&error=…&error_description=…`, keeping the URI's own query. */
function callbackUrl(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

export function registerAuthorizeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: AuthorizeQuery }>(
    '/authorize',
    {
      schema: {
        summary: 'OAuth authorize: validate, then login and consent',
        querystring: authorizeQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const client = q.client_id ? ctx.state.clients.get(q.client_id) : undefined;
      if (!client) {
        return reply
          .code(400)
          .type('text/html')
          .send(errorPage('Unknown client', 'ClientID not found'));
      }
      if (!q.redirect_uri || !client.redirectUris.includes(q.redirect_uri)) {
        return reply
          .code(400)
          .type('text/html')
          .send(
            errorPage(
              'Callback URL mismatch',
              `The redirect_uri ${q.redirect_uri ?? '(missing)'} is not in the list of allowed callback URLs.`,
            ),
          );
      }
      const fail = (error: string, description: string) =>
        reply.redirect(
          callbackUrl(q.redirect_uri!, { state: q.state, error, error_description: description }),
        );
      if (q.response_type !== 'code') {
        return fail('unsupported_response_type', 'Unsupported response type: only code is allowed');
      }
      if (!q.state) return fail('invalid_request', 'Missing required parameter: state');
      if (!q.scope) return fail('invalid_request', 'Missing required parameter: scope');
      if (q.audience !== undefined && q.audience !== ctx.audience()) {
        return fail('access_denied', `Service not found: ${q.audience}`);
      }
      // Without an audience Lever's consent lists only offline_access and the token has no API scopes.
      const requested = parseScopes(q.scope);
      const scopes = q.audience ? requested : requested.filter((s) => s === 'offline_access');
      const tx = {
        id: newId(),
        clientId: client.clientId,
        redirectUri: q.redirect_uri,
        state: q.state,
        scopes,
        userId: null,
        createdAt: ctx.clock.now(),
      };
      ctx.state.transactions.set(tx.id, tx);
      const consent = `/authorize/consent?tx=${tx.id}`;
      return reply.redirect(
        currentUser(ctx, request) ? consent : `/login?next=${encodeURIComponent(consent)}`,
      );
    },
  );

  app.get<{ Querystring: { tx?: string } }>(
    '/authorize/consent',
    { schema: { summary: 'Consent page listing the requested scopes' } },
    async (request, reply) => {
      const tx = ctx.state.transactions.get(request.query.tx ?? '');
      const client = tx && ctx.state.clients.get(tx.clientId);
      if (!tx || !client) {
        return reply
          .code(400)
          .type('text/html')
          .send(errorPage('Authorization expired', 'Start again from the app.'));
      }
      const user = currentUser(ctx, request);
      if (!user) return reply.redirect(loginRedirect(request));
      return reply.type('text/html').send(consentPage(client, tx, user, ctx.state.account.name));
    },
  );

  app.post(
    '/authorize/consent',
    { schema: { summary: 'Accept or deny the consent' } },
    async (request, reply) => {
      const tx = ctx.state.transactions.get(field(request.body, 'tx'));
      if (!tx) {
        return reply
          .code(400)
          .type('text/html')
          .send(errorPage('Authorization expired', 'Start again from the app.'));
      }
      const user = currentUser(ctx, request);
      if (!user)
        return reply.redirect(
          `/login?next=${encodeURIComponent(`/authorize/consent?tx=${tx.id}`)}`,
          303,
        );
      ctx.state.transactions.delete(tx.id);
      const back = (params: Record<string, string>) =>
        reply.redirect(callbackUrl(tx.redirectUri, { state: tx.state, ...params }), 303);
      if (field(request.body, 'decision') !== 'accept') {
        return back({
          error: 'access_denied',
          error_description: 'user_did_not_authorize_the_request',
        });
      }
      // Lever lets anyone reach the consent, but only a Super Admin's Accept succeeds.
      if (user.accessRole !== 'super admin') {
        return back({
          error: 'access_denied',
          error_description: ctx.state.switches.nonSuperAdminErrorDescription,
        });
      }
      const withheld = ctx.state.switches.withheldScopes;
      const scopes = tx.scopes.filter((s) => !withheld.includes(s));
      const grant = recordGrant(ctx, tx.clientId, user.id, scopes);
      const code = issueCode(ctx, {
        clientId: tx.clientId,
        redirectUri: tx.redirectUri,
        grantId: grant.id,
        scopes,
      });
      return back({ code });
    },
  );
}
