import type { EmulatorContext } from '../context.ts';
import { eventGroups } from '../state/store.ts';
import { type Delivery, type Webhook, origins } from '../state/types.ts';
import { formatTime, html, type SafeHtml } from './html.ts';

const base = '/settings/integrations/webhooks';

function webhookRow(ctx: EmulatorContext, webhook: Webhook): SafeHtml {
  const ui = webhook.createdVia === 'ui';
  const app = webhook.clientId
    ? (ctx.state.clients.get(webhook.clientId)?.name ?? webhook.clientId)
    : 'API key';
  const canDelete = ui || ctx.state.switches.uiMayDeleteApiWebhooks;
  return html`<tr>
    <td><code>${webhook.url}</code></td>
    <td>${ui ? 'Added in Lever' : html`Created by ${app} (API)`}</td>
    <td>${webhook.origins ? webhook.origins.join(', ') : 'All origins'}</td>
    <td>
      ${ui ? html`<code class="token" aria-label="Signature token for ${webhook.url}">${webhook.signatureToken}</code>` : html`<em>Given to the app when it was created</em>`}
    </td>
    <td>
      <form class="inline" method="post" action="${base}/${webhook.id}/test">
        <button type="submit">Test</button>
      </form>
      ${
        ui && ctx.state.switches.uiCanRegenerateToken
          ? html`<form class="inline" method="post" action="${base}/${webhook.id}/regenerate">
              <button type="submit">Regenerate token</button>
            </form>`
          : ''
      }
      ${
        canDelete
          ? html`<form class="inline" method="post" action="${base}/${webhook.id}/delete">
              <button type="submit">Delete</button>
            </form>`
          : ''
      }
    </td>
  </tr>`;
}

function groupSection(ctx: EmulatorContext, group: (typeof eventGroups)[number]): SafeHtml {
  const enabled = ctx.state.eventGroups.get(group.event) ?? false;
  const hooks = [...ctx.state.webhooks.values()].filter((w) => w.event === group.event);
  const id = `group-${group.event}`;
  return html`<section class="card" aria-labelledby="${id}">
    <h2 id="${id}">${group.label}</h2>
    <form method="post" action="${base}/groups/${group.event}">
      <input type="hidden" name="enabled" value="${enabled ? 'false' : 'true'}" />
      <button
        type="submit"
        role="switch"
        aria-checked="${enabled ? 'true' : 'false'}"
        aria-label="${group.label}"
      >
        ${enabled ? 'On' : 'Off'}
      </button>
      <span
        >${enabled ? 'Sending webhooks for this event.' : 'Off: no webhooks are sent for this event.'}</span
      >
    </form>
    ${
      hooks.length > 0
        ? html`<table>
            <thead>
              <tr>
                <th>URL</th>
                <th>Owner</th>
                <th>Conditions</th>
                <th>Signature token</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              ${hooks.map((w) => webhookRow(ctx, w))}
            </tbody>
          </table>`
        : html`<p>No webhooks yet.</p>`
    }
    <form method="post" action="${base}">
      <input type="hidden" name="event" value="${group.event}" />
      <label for="url-${group.event}">Webhook URL</label>
      <input
        id="url-${group.event}"
        name="url"
        type="url"
        required
        placeholder="https://example.com/lever"
      />
      ${
        group.configurable
          ? html`<fieldset>
              <legend>Only for candidate origins (none checked = all)</legend>
              ${origins.map((o) => html`<label><input type="checkbox" name="origins" value="${o}" /> ${o}</label>`)}
            </fieldset>`
          : ''
      }
      <p><button type="submit">Add webhook</button></p>
    </form>
  </section>`;
}

function historyRow(delivery: Delivery): SafeHtml {
  const last = delivery.attempts.at(-1);
  return html`<tr>
    <td>${formatTime(delivery.createdAt)}</td>
    <td>${delivery.event}${delivery.kind === 'event' ? '' : ` (${delivery.kind})`}</td>
    <td><code>${delivery.url}</code></td>
    <td>${delivery.outcome}</td>
    <td>${delivery.attempts.length}</td>
    <td>${last?.status ?? ''} ${last?.error ?? ''}</td>
    <td>
      <a href="${base}/deliveries/${delivery.id}">Details</a>
      <form class="inline" method="post" action="${base}/deliveries/${delivery.id}/rerun">
        <button type="submit">Rerun</button>
      </form>
    </td>
  </tr>`;
}

export function webhooksBody(
  ctx: EmulatorContext,
  notice: { created?: string; regenerated?: string },
): SafeHtml {
  const fresh = notice.created ?? notice.regenerated;
  const webhook = fresh ? ctx.state.webhooks.get(fresh) : undefined;
  const recent = ctx.state.deliveries.slice(-100).reverse();
  return html` ${
      webhook
        ? html`<p class="notice" role="status">
            ${notice.created ? 'Webhook added.' : 'Token regenerated.'} Signature token for
            ${webhook.url}:
            <output class="token" aria-label="New signature token"
              >${webhook.signatureToken}</output
            >
          </p>`
        : ''
    }
    <p>Webhooks are sent only for event groups that are switched on.</p>
    ${eventGroups.map((g) => groupSection(ctx, g))}
    <section class="card" aria-labelledby="history-h">
      <h2 id="history-h">Delivery history</h2>
      ${
        recent.length === 0
          ? html`<p>No deliveries yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Event</th>
                  <th>URL</th>
                  <th>Result</th>
                  <th>Attempts</th>
                  <th>Last response</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${recent.map(historyRow)}
              </tbody>
            </table>`
      }
    </section>`;
}

export function deliveryBody(delivery: Delivery): SafeHtml {
  return html`<section class="card" aria-labelledby="delivery-h">
    <h2 id="delivery-h">Delivery ${delivery.id}</h2>
    <p>${delivery.event} (${delivery.kind}) to <code>${delivery.url}</code>: ${delivery.outcome}</p>
    <p>triggeredAt ${delivery.triggeredAt}; data <code>${JSON.stringify(delivery.data)}</code></p>
    <table>
      <thead>
        <tr>
          <th>At</th>
          <th>Token</th>
          <th>Status</th>
          <th>Error</th>
          <th>Duration</th>
          <th>Response</th>
        </tr>
      </thead>
      <tbody>
        ${delivery.attempts.map(
          (a) =>
            html`<tr>
              <td>${formatTime(a.at)}</td>
              <td><code>${a.token}</code></td>
              <td>${a.status ?? ''}</td>
              <td>${a.error ?? ''}</td>
              <td>${a.durationMs} ms</td>
              <td><code>${a.responseBody ?? ''}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <form method="post" action="${base}/deliveries/${delivery.id}/rerun">
      <button type="submit">Rerun</button>
    </form>
    <p><a href="${base}">Back to webhooks</a></p>
  </section>`;
}
