import type { EmulatorContext } from '../context.ts';
import type { Opportunity, User } from '../state/types.ts';
import { html, page } from './html.ts';

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
  const describedBy = (field: keyof HireForm) =>
    html` aria-describedby="${field}-hint${errors[field] ? html` ${field}-error` : ''}"${
      errors[field] ? html` aria-invalid="true"` : ''
    }`;
  const message = (field: keyof HireForm) =>
    errors[field] ? html`<p class="error" id="${field}-error">${errors[field]}</p>` : '';
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
      <label for="offerSentOn">Offer sent on (optional)</label>
      <input
        id="offerSentOn"
        name="offerSentOn"
        type="date"
        value="${form.offerSentOn}"
        ${describedBy('offerSentOn')}
      />
      <p class="hint" id="offerSentOn-hint">
        Leave empty when the offer was handed over outside Lever: the offer then has no sent date.
      </p>
      ${message('offerSentOn')}
      <label for="anticipatedStartOn">Anticipated start date (optional)</label>
      <input
        id="anticipatedStartOn"
        name="anticipatedStartOn"
        type="date"
        value="${form.anticipatedStartOn}"
        ${describedBy('anticipatedStartOn')}
      />
      <p class="hint" id="anticipatedStartOn-hint">
        Written on the offer as <code>anticipated_start_date</code>. With both dates empty the
        candidate is hired without an offer.
      </p>
      ${message('anticipatedStartOn')}
      <p>
        <button type="submit">Archive as hired</button>
        <a href="/candidates">Cancel</a>
      </p>
    </form>
  </section>`;
  return page(`Hire ${name}`, body, user);
}
