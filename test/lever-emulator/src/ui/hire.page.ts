import type { EmulatorContext } from '../context.ts';
import type { Opportunity, User } from '../state/types.ts';
import { html, page, type SafeHtml } from './html.ts';

/** What the Hire form holds: two optional `YYYY-MM-DD` dates (also when it comes back with errors). */
export interface HireForm {
  offerSentOn: string;
  anticipatedStartOn: string;
}

export type HireFormErrors = Partial<Record<keyof HireForm | 'opportunity', string>>;

/** The Hire action of one candidate: the offer's dates, then archive as hired. */
export function hirePage(
  ctx: EmulatorContext,
  user: User,
  opportunity: Opportunity,
  form: HireForm,
  errors: HireFormErrors = {},
): string {
  const contact = ctx.state.contacts.get(opportunity.contactId);
  const name = contact?.name || '(no name)';
  const application = ctx.state.applications.get(opportunity.applicationIds[0] ?? '');
  const posting = application ? ctx.state.postings.get(application.postingId) : undefined;
  /** A labelled date input with its hint and, after a refusal, its error (both announced). */
  const dateField = (field: keyof HireForm, label: string, hint: SafeHtml) => {
    const error = errors[field];
    return html`<label for="${field}">${label}</label>
      <input
        id="${field}"
        name="${field}"
        type="date"
        value="${form[field]}"
        aria-describedby="${field}-hint${error ? ` ${field}-error` : ''}"
        ${error ? html`aria-invalid="true"` : ''}
      />
      <p class="hint" id="${field}-hint">${hint}</p>
      ${error ? html`<p class="error" id="${field}-error">${error}</p>` : ''}`;
  };
  const summary = Object.values(errors).length
    ? html`<div class="error" role="alert">
        <p>${name} was not hired:</p>
        <ul>
          ${Object.values(errors).map((e) => html`<li>${e}</li>`)}
        </ul>
      </div>`
    : '';
  const body = html`<section class="card">
    <h1>Hire ${name}</h1>
    <p>Posting: ${posting?.text ?? 'none (a lead)'}. Stage: ${opportunity.stageId}.</p>
    ${summary}
    <form method="post" action="/candidates/${opportunity.id}/hire" novalidate>
      ${dateField(
        'offerSentOn',
        'Offer sent on (optional)',
        html`Leave empty when the offer was handed over outside Lever: the offer then has no sent
        date.`,
      )}
      ${dateField(
        'anticipatedStartOn',
        'Anticipated start date (optional)',
        html`Written on the offer as <code>anticipated_start_date</code>. With both dates empty the
          candidate is hired without an offer.`,
      )}
      <p>
        <button type="submit">Archive as hired</button>
        <a href="/candidates">Cancel</a>
      </p>
    </form>
  </section>`;
  return page(`Hire ${name}`, body, user);
}
