import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import type { User } from '../state/types.ts';
import { html, page } from './html.ts';
import { currentUser, loginRedirect } from './session.ts';

/**
 * Returns the logged-in user, or answers (redirect to login / 403 page) and returns null.
 * Settings need a Super Admin, as in Lever ("Manage API credentials and manage integrations").
 */
export function requireUser(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  role: 'any' | 'super admin',
): User | null {
  const user = currentUser(ctx, request);
  if (!user) {
    void reply.redirect(loginRedirect(request), 303);
    return null;
  }
  if (role === 'super admin' && user.accessRole !== 'super admin') {
    void reply
      .code(403)
      .type('text/html')
      .send(
        page(
          'Not allowed',
          html`<section class="card">
            <h1>Not allowed</h1>
            <p class="error" role="alert">
              Only a Super Admin can manage integrations and API settings.
            </p>
          </section>`,
          user,
        ),
      );
    return null;
  }
  return user;
}

export type SettingsTab = 'api-credentials' | 'webhooks' | 'authorized-apps';
const tabs: [SettingsTab, string][] = [
  ['api-credentials', 'API Credentials'],
  ['webhooks', 'Webhooks'],
  ['authorized-apps', 'Authorized Apps'],
];

/** Settings > Integrations and API, with its three tabs. */
export function settingsPage(active: SettingsTab, body: unknown, user: User): string {
  const title = tabs.find(([id]) => id === active)?.[1] ?? 'Settings';
  return page(
    title,
    html`<h1>Integrations and API</h1>
      <nav class="tabs" aria-label="Integrations and API">
        ${tabs.map(
          ([id, label]) =>
            html`<a
              href="/settings/integrations/${id}"
              ${id === active ? html`aria-current="page"` : ''}
              >${label}</a
            >`,
        )}
      </nav>
      ${body}`,
    user,
  );
}
