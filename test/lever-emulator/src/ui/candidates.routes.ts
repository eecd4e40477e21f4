import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { UnknownPostingError, createOpportunity } from '../state/opportunities.ts';
import { type Origin, origins } from '../state/types.ts';
import { field } from './form-body.ts';
import { requireUser } from './guard.ts';
import { formatTime, html, page } from './html.ts';

/** Candidates list (opportunities with their tags) and the New candidate form. */
export function registerCandidateRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { created?: string } }>(
    '/candidates',
    { schema: { summary: 'Candidates list' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
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
      const body = html`<h1>Candidates</h1>
        ${request.query.created ? html`<p class="notice" role="status">Candidate created.</p>` : ''}
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
      return reply.type('text/html').send(page('Candidates', body, user));
    },
  );

  app.get(
    '/candidates/new',
    { schema: { summary: 'New candidate form' } },
    async (request, reply) => {
      const user = requireUser(ctx, request, reply, 'any');
      if (!user) return reply;
      const postings = [...ctx.state.postings.values()];
      const body = html`<section class="card">
        <h1>New candidate</h1>
        <form method="post" action="/candidates">
          <label for="name">Name</label><input id="name" name="name" required />
          <label for="email">Email (optional)</label><input id="email" name="email" type="email" />
          <label for="posting">Posting</label>
          <select id="posting" name="postingId">
            <option value="">No posting (lead)</option>
            ${postings.map((p) => html`<option value="${p.id}">${p.text}</option>`)}
          </select>
          <label for="origin">Origin</label>
          <select id="origin" name="origin">
            ${origins.map((o) => html`<option value="${o}">${o}</option>`)}
          </select>
          <p><button type="submit">Create candidate</button></p>
        </form>
      </section>`;
      return reply.type('text/html').send(page('New candidate', body, user));
    },
  );

  app.post(
    '/candidates',
    { schema: { summary: 'Create a candidate (emits applicationCreated with a posting)' } },
    async (request, reply) => {
      if (!requireUser(ctx, request, reply, 'any')) return reply;
      const origin = field(request.body, 'origin') as Origin;
      try {
        const { opportunity } = createOpportunity(ctx, {
          name: field(request.body, 'name') || 'Unnamed candidate',
          email: field(request.body, 'email') || null,
          postingId: field(request.body, 'postingId') || null,
          origin: origins.includes(origin) ? origin : 'applied',
        });
        return reply.redirect(`/candidates?created=${opportunity.id}`, 303);
      } catch (error) {
        if (error instanceof UnknownPostingError)
          return reply
            .code(400)
            .type('text/html')
            .send(page('Error', html`<p class="error">Unknown posting</p>`));
        throw error;
      }
    },
  );
}
