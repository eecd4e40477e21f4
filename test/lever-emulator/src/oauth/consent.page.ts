import { html, page } from '../ui/html.ts';
import type { AuthTransaction, OAuthClient, User } from '../state/types.ts';
import { describeScope } from './scopes.ts';

export function consentPage(
  client: OAuthClient,
  tx: AuthTransaction,
  user: User,
  accountName: string,
): string {
  const next = `/authorize/consent?tx=${tx.id}`;
  return page(
    'Authorize',
    html`<section class="card">
      <h1>Authorize ${client.name}</h1>
      <p>
        <strong>${client.name}</strong> is requesting access to your Lever account
        <strong>${accountName}</strong>. It will be able to:
      </p>
      <ul aria-label="Requested scopes">
        ${tx.scopes.map((s) => html`<li><code>${s}</code> — ${describeScope(s)}</li>`)}
      </ul>
      <p>Logged in as ${user.name} (${user.accessRole}).</p>
      <form method="post" action="/logout" class="inline">
        <input type="hidden" name="next" value="${next}" />
        <button type="submit">Not you? Switch user</button>
      </form>
      <form method="post" action="/authorize/consent">
        <input type="hidden" name="tx" value="${tx.id}" />
        <p>
          <button type="submit" name="decision" value="deny">Deny</button>
          <button type="submit" name="decision" value="accept">Accept</button>
        </p>
      </form>
    </section>`,
    user,
  );
}
