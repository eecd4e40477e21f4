import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { newId, newOpaque } from '../ids.ts';
import { revokeGrant } from '../oauth/tokens.ts';
import { field } from './form-body.ts';
import { requireUser, settingsPage } from './guard.ts';
import { formatTime, html } from './html.ts';

/** API Credentials and Authorized Apps tabs (Webhooks has its own module). */
export function registerSettingsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/settings', { schema: { summary: 'Settings home' } }, async (_request, reply) =>
    reply.redirect('/settings/integrations/api-credentials'),
  );
  // Lever's own links choose the tab with `?tab=` (`api`, `webhooks`: docs/lever-api.md §5.8).
  const tabs: Record<string, string> = {
    api: '/settings/integrations/api-credentials',
    webhooks: '/settings/integrations/webhooks',
  };
  app.get<{ Querystring: { tab?: string } }>(
    '/settings/integrations',
    { schema: { summary: 'Integrations and API (?tab=api|webhooks)' } },
    async (request, reply) =>
      reply.redirect(tabs[request.query.tab ?? ''] ?? '/settings/integrations/api-credentials'),
  );

  app.get(
    '/settings/integrations/api-credentials',
    { schema: { summary: 'API Credentials tab' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'super admin');
      if (!user) return reply;
      const keys = [...ctx.state.apiKeys.values()].filter((k) => k.revokedAt === null);
      const body = html`<section class="card" aria-labelledby="keys-h">
          <h2 id="keys-h">API keys</h2>
          <p>Keys authenticate with HTTP Basic: the key as user name, empty password.</p>
          ${
            keys.length === 0
              ? html`<p>No API keys yet.</p>`
              : html`<table>
                  <thead>
                    <tr>
                      <th>Name</th>
                      <th>Key</th>
                      <th>Confidential access</th>
                      <th>Created</th>
                      <th></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${keys.map(
                      (k) =>
                        html`<tr>
                          <td>${k.label}</td>
                          <td><code>${k.key}</code></td>
                          <td>${k.confidentialAccess ? 'Yes' : 'No'}</td>
                          <td>${formatTime(k.createdAt)}</td>
                          <td>
                            <form
                              class="inline"
                              method="post"
                              action="/settings/integrations/api-credentials/${k.id}/revoke"
                            >
                              <button type="submit">Revoke key ${k.label}</button>
                            </form>
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }
        </section>
        <section class="card" aria-labelledby="new-key-h">
          <h2 id="new-key-h">Generate new key</h2>
          <form method="post" action="/settings/integrations/api-credentials">
            <label for="key-label">Key name</label><input id="key-label" name="label" required />
            <label
              ><input type="checkbox" name="confidentialAccess" value="true" /> Allow access to
              confidential data</label
            >
            <p><button type="submit">Generate new key</button></p>
          </form>
        </section>
        <section class="card">
          <h2>OAuth</h2>
          <p>Partner apps connect with OAuth; see the Authorized Apps tab.</p>
        </section>`;
      return reply.type('text/html').send(settingsPage('api-credentials', body, user));
    },
  );

  app.post(
    '/settings/integrations/api-credentials',
    { schema: { summary: 'Generate an API key' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      const id = newId();
      ctx.state.apiKeys.set(id, {
        id,
        label: field(request.body, 'label') || 'API key',
        key: newOpaque(24),
        confidentialAccess: field(request.body, 'confidentialAccess') === 'true',
        createdAt: ctx.clock.now(),
        revokedAt: null,
      });
      return reply.redirect('/settings/integrations/api-credentials', 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/settings/integrations/api-credentials/:id/revoke',
    { schema: { summary: 'Revoke an API key' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      const key = ctx.state.apiKeys.get(request.params.id);
      if (key) key.revokedAt = ctx.clock.now();
      return reply.redirect('/settings/integrations/api-credentials', 303);
    },
  );

  app.get<{ Querystring: { revoked?: string } }>(
    '/settings/integrations/authorized-apps',
    { schema: { summary: 'Authorized Apps tab' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'super admin');
      if (!user) return reply;
      const grants = [...ctx.state.grants.values()].filter((g) => g.revokedAt === null);
      const body = html`<section class="card" aria-labelledby="apps-h">
        <h2 id="apps-h">Authorized apps</h2>
        ${request.query.revoked ? html`<p class="notice" role="status">Access revoked.</p>` : ''}
        ${
          grants.length === 0
            ? html`<p>No apps are authorized for this account.</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>App</th>
                    <th>Scopes</th>
                    <th>Authorized by</th>
                    <th>Authorized</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  ${grants.map((g) => {
                    const client = ctx.state.clients.get(g.clientId);
                    return html`<tr>
                      <td>${client?.name ?? g.clientId}</td>
                      <td>${g.scopes.map((s) => html`<code>${s}</code> `)}</td>
                      <td>${ctx.state.users.get(g.userId)?.name ?? g.userId}</td>
                      <td>${formatTime(g.createdAt)}</td>
                      <td>
                        <form
                          class="inline"
                          method="post"
                          action="/settings/integrations/authorized-apps/${g.id}/revoke"
                        >
                          <button type="submit">Revoke access</button>
                        </form>
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
        }
      </section>`;
      return reply.type('text/html').send(settingsPage('authorized-apps', body, user));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/settings/integrations/authorized-apps/:id/revoke',
    { schema: { summary: 'Revoke an authorized app' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'super admin')) return reply;
      revokeGrant(ctx, request.params.id);
      return reply.redirect('/settings/integrations/authorized-apps?revoked=1', 303);
    },
  );
}
