import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { field } from '../ui/form-body.ts';
import { OAuthError, exchangeCode, refresh } from './tokens.ts';

/** Counts one token request by grant type, and its status once answered. */
function countTokenRequest(ctx: EmulatorContext, grantType: string, reply: FastifyReply): void {
  const counter = ctx.state.tokenEndpoint;
  if (grantType === 'authorization_code') counter.authorizationCode += 1;
  if (grantType === 'refresh_token') counter.refreshToken += 1;
  reply.raw.once('finish', () => {
    counter.byStatus[reply.statusCode] = (counter.byStatus[reply.statusCode] ?? 0) + 1;
  });
}

/** client_secret_post (what Lever documents) or client_secret_basic. */
function clientCredentials(request: FastifyRequest): { id: string; secret: string } {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  }
  return { id: field(request.body, 'client_id'), secret: field(request.body, 'client_secret') };
}

export function registerTokenRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post(
    '/oauth/token',
    { schema: { summary: 'OAuth token endpoint: authorization_code and refresh_token grants' } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
      countTokenRequest(ctx, field(request.body, 'grant_type'), reply);
      try {
        const credentials = clientCredentials(request);
        const client = ctx.state.clients.get(credentials.id);
        if (!client || client.clientSecret !== credentials.secret) {
          throw new OAuthError(401, 'invalid_client', 'Client authentication failed');
        }
        const grantType = field(request.body, 'grant_type');
        if (grantType === 'authorization_code') {
          const code = field(request.body, 'code');
          if (!code)
            throw new OAuthError(400, 'invalid_request', 'Missing required parameter: code');
          const redirectUri = field(request.body, 'redirect_uri') || undefined;
          return exchangeCode(ctx, client.clientId, code, redirectUri);
        }
        if (grantType === 'refresh_token') {
          const token = field(request.body, 'refresh_token');
          if (!token) {
            throw new OAuthError(
              400,
              'invalid_request',
              'Missing required parameter: refresh_token',
            );
          }
          return refresh(ctx, client.clientId, token);
        }
        if (!grantType)
          throw new OAuthError(400, 'invalid_request', 'Missing required parameter: grant_type');
        throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        return reply
          .code(error.status)
          .send({ error: error.error, error_description: error.description });
      }
    },
  );

  app.get(
    '/.well-known/oauth-authorization-server',
    { schema: { summary: 'Authorization server metadata (RFC 8414)' } },
    async () => ({
      issuer: `${ctx.baseUrl()}/`,
      authorization_endpoint: `${ctx.baseUrl()}/authorize`,
      token_endpoint: `${ctx.baseUrl()}/oauth/token`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    }),
  );
}
