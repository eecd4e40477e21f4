import type { EmulatorContext } from '../context.ts';
import { origins, type Opportunity, type Origin, type User } from '../state/types.ts';
import { eventOutcome } from './event-outcome.ts';
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
  return eventOutcome(ctx, 'applicationCreated', opportunityId);
}

/** The Status cell: active with a Hire action, or archived (with the reason and when). */
function statusCell(ctx: EmulatorContext, o: Opportunity, name: string): SafeHtml {
  if (o.archived === null)
    return html`Active <a href="/candidates/${o.id}/hire" aria-label="Hire ${name}">Hire</a>`;
  const reason = ctx.state.archiveReasons.find((r) => r.id === o.archived!.reason);
  return html`Archived: ${reason?.text ?? o.archived.reason} on ${formatTime(o.archived.archivedAt)}`;
}

/** The notice on top of the list after creating or hiring a candidate. */
function notice(ctx: EmulatorContext, shown: { created?: string; hired?: string }): SafeHtml | '' {
  if (shown.created)
    return html`<p class="notice" role="status">
      Candidate created. ${webhookOutcome(ctx, shown.created)}
    </p>`;
  const hired = shown.hired ? ctx.state.opportunities.get(shown.hired) : undefined;
  if (!hired) return '';
  const name = ctx.state.contacts.get(hired.contactId)?.name || '(no name)';
  const offers = [...ctx.state.offers.values()].filter((f) => f.opportunityId === hired.id);
  return html`<p class="notice" role="status">
    ${name} was hired${offers.length > 0 ? ' (offer recorded)' : ', without an offer'}.
    ${eventOutcome(ctx, 'candidateHired', hired.id)}
  </p>`;
}

export function candidatesPage(
  ctx: EmulatorContext,
  user: User,
  shown: { created?: string; hired?: string },
): string {
  const rows = [...ctx.state.opportunities.values()]
    .filter((o) => o.deletedAt === null)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((o) => {
      const contact = ctx.state.contacts.get(o.contactId);
      const application = o.applicationIds.map((id) => ctx.state.applications.get(id))[0];
      const posting = application ? ctx.state.postings.get(application.postingId) : undefined;
      const name = contact?.name || '(no name)';
      return html`<tr data-opportunity-id="${o.id}">
        <td>${name}</td>
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
        <td>${statusCell(ctx, o, name)}</td>
      </tr>`;
    });
  const body = html`<h1>Candidates</h1>
    ${notice(ctx, shown)}
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
                  <th>Status</th>
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
