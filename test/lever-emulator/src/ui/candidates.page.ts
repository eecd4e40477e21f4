import type { EmulatorContext } from '../context.ts';
import { origins, type Origin, type User } from '../state/types.ts';
import { formatTime, html, page, type SafeHtml } from './html.ts';

/** What the New candidate form holds (also when it comes back with errors). */
export interface CandidateForm {
  name: string;
  email: string;
  postingId: string;
  origin: Origin;
}

export type CandidateFormErrors = Partial<Record<'name' | 'email' | 'postingId', string>>;

const LEAD = '';

/** A fresh form: the first seeded posting selected, so one click creates an application. */
export function emptyCandidateForm(ctx: EmulatorContext): CandidateForm {
  const first = ctx.state.postings.values().next().value;
  return { name: '', email: '', postingId: first?.id ?? LEAD, origin: 'applied' };
}

/** One line under "Candidate created": did Lever call a webhook for it, and if not, why not. */
function webhookOutcome(ctx: EmulatorContext, opportunityId: string): SafeHtml {
  const opportunity = ctx.state.opportunities.get(opportunityId);
  if (!opportunity || opportunity.applicationIds.length === 0)
    return html`A lead without a posting: no Application created event.`;
  const sent = ctx.state.deliveries.filter(
    (d) =>
      d.kind === 'event' &&
      d.event === 'applicationCreated' &&
      d.data.opportunityId === opportunityId,
  ).length;
  if (sent > 0)
    return html`Application created was sent to ${sent} webhook${sent === 1 ? '' : 's'} (<a
        href="/settings/integrations/webhooks"
        >delivery history</a
      >).`;
  if (!ctx.state.eventGroups.get('applicationCreated'))
    return html`No webhook was called: the Application created event group is switched off. A Super
      Admin switches it on under
      <a href="/settings/integrations/webhooks">Settings › Integrations and API › Webhooks</a>.`;
  return html`No webhook listens for Application created.`;
}

export function candidatesPage(
  ctx: EmulatorContext,
  user: User,
  createdId: string | undefined,
): string {
  const rows = [...ctx.state.opportunities.values()]
    .filter((o) => o.deletedAt === null)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((o) => {
      const contact = ctx.state.contacts.get(o.contactId);
      const application = o.applicationIds.map((id) => ctx.state.applications.get(id))[0];
      const posting = application ? ctx.state.postings.get(application.postingId) : undefined;
      return html`<tr data-opportunity-id="${o.id}">
        <td>${contact?.name || '(no name)'}</td>
        <td>${contact?.emails.join(', ') || '—'}</td>
        <td>${posting?.text ?? '—'}</td>
        <td>${o.origin}</td>
        <td>${o.stageId}</td>
        <td>
          <ul class="tags" aria-label="Tags of ${contact?.name ?? o.id}">
            ${o.tags.map((t) => html`<li>${t}</li>`)}
          </ul>
        </td>
        <td>${formatTime(o.createdAt)}</td>
      </tr>`;
    });
  const created = createdId
    ? html`<p class="notice" role="status">Candidate created. ${webhookOutcome(ctx, createdId)}</p>`
    : '';
  const body = html`<h1>Candidates</h1>
    ${created}
    <p><a href="/candidates/new">New candidate</a></p>
    <section class="card">
      ${
        rows.length === 0
          ? html`<p>No candidates yet.</p>`
          : html`<table aria-label="Candidates">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Email</th>
                  <th>Posting</th>
                  <th>Origin</th>
                  <th>Stage</th>
                  <th>Tags</th>
                  <th>Created</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
    </section>`;
  return page('Candidates', body, user);
}

/** The New candidate form: name, optional email, any seeded posting (or none: a lead), origin. */
export function newCandidatePage(
  ctx: EmulatorContext,
  user: User,
  form: CandidateForm,
  errors: CandidateFormErrors = {},
): string {
  const postings = [...ctx.state.postings.values()];
  const invalid = (field: keyof CandidateFormErrors) =>
    errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const message = (field: keyof CandidateFormErrors) =>
    errors[field] ? html`<p class="error" id="${field}-error">${errors[field]}</p>` : '';
  const summary = Object.values(errors).length
    ? html`<div class="error" role="alert">
        <p>The candidate was not created:</p>
        <ul>
          ${Object.values(errors).map((e) => html`<li>${e}</li>`)}
        </ul>
      </div>`
    : '';
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${form.postingId === value ? html`selected` : ''}>
      ${label}
    </option>`;
  const body = html`<section class="card">
    <h1>New candidate</h1>
    ${summary}
    <form method="post" action="/candidates" novalidate>
      <label for="name">Name</label>
      <input id="name" name="name" value="${form.name}" required ${invalid('name')} />
      ${message('name')}
      <label for="email">Email (optional)</label>
      <input id="email" name="email" type="email" value="${form.email}" ${invalid('email')} />
      ${message('email')}
      <label for="posting">Posting</label>
      <select id="posting" name="postingId" ${invalid('postingId')}>
        ${postings.map((p) => option(p.id, p.text))} ${option(LEAD, 'No posting (lead)')}
      </select>
      ${message('postingId')}
      <label for="origin">Origin</label>
      <select id="origin" name="origin">
        ${origins.map(
          (o) =>
            html`<option value="${o}" ${form.origin === o ? html`selected` : ''}>${o}</option>`,
        )}
      </select>
      <p><button type="submit">Create candidate</button></p>
    </form>
  </section>`;
  return page('New candidate', body, user);
}
