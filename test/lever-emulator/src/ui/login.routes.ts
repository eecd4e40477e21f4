import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { SEED_PASSWORD } from '../state/seed.ts';
import { field } from './form-body.ts';
import { html, page } from './html.ts';
import { endSession, safeNext, startSession } from './session.ts';

function loginPage(ctx: EmulatorContext, next: string, error?: string): string {
  const users = [...ctx.state.users.values()];
  return page(
    'Log in',
    html`<section class="card">
      <h1>Log in to Lever</h1>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/login">
        <input type="hidden" name="next" value="${next}" />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <p><button type="submit">Log in</button></p>
      </form>
      <p class="notice">Seeded users (password <code>${SEED_PASSWORD}</code>):</p>
      <ul>
        ${users.map((u) => html`<li><code>${u.email}</code> — ${u.name}, ${u.accessRole}</li>`)}
      </ul>
    </section>`,
  );
}

export function registerLoginRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { next?: string } }>(
    '/login',
    { schema: { summary: 'Login page of the emulated Lever web app' } },
    async (request, reply) =>
      reply.type('text/html').send(loginPage(ctx, safeNext(request.query.next))),
  );

  app.post('/login', { schema: { summary: 'Log in as a seeded user' } }, async (request, reply) => {
    const email = field(request.body, 'email').trim().toLowerCase();
    const next = safeNext(field(request.body, 'next'));
    const user = [...ctx.state.users.values()].find(
      (u) => u.email.toLowerCase() === email || u.username === email,
    );
    if (!user || user.password !== field(request.body, 'password')) {
      return reply
        .code(401)
        .type('text/html')
        .send(loginPage(ctx, next, 'Wrong email or password.'));
    }
    startSession(ctx, reply, user.id);
    return reply.redirect(next, 303);
  });

  app.post('/logout', { schema: { summary: 'Log out' } }, async (request, reply) => {
    endSession(ctx, request, reply);
    return reply.redirect(
      `/login?next=${encodeURIComponent(safeNext(field(request.body, 'next')))}`,
      303,
    );
  });
}
