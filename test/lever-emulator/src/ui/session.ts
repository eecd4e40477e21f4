import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { newOpaque } from '../ids.ts';
import type { User } from '../state/types.ts';

/** The browser login of the emulator's own pages (settings, candidates, OAuth consent). */
const COOKIE = 'lever_emulator_session';

export function currentUser(ctx: EmulatorContext, request: FastifyRequest): User | null {
  const sessionId = request.cookies[COOKIE];
  const userId = sessionId ? ctx.state.uiSessions.get(sessionId) : undefined;
  return (userId && ctx.state.users.get(userId)) || null;
}

export function startSession(ctx: EmulatorContext, reply: FastifyReply, userId: string): void {
  const sessionId = newOpaque(18);
  ctx.state.uiSessions.set(sessionId, userId);
  reply.setCookie(COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'lax' });
}

export function endSession(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const sessionId = request.cookies[COOKIE];
  if (sessionId) ctx.state.uiSessions.delete(sessionId);
  reply.clearCookie(COOKIE, { path: '/' });
}

/** Only same-site relative paths are followed after login, never another origin. */
export function safeNext(next: unknown, fallback = '/settings/integrations'): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//')
    ? next
    : fallback;
}

export function loginRedirect(request: FastifyRequest): string {
  return `/login?next=${encodeURIComponent(request.url)}`;
}
