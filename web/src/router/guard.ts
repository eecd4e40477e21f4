import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (the survey, login, sign-up, the home page). */
    public?: boolean;
    /** Login and sign-up: signed-in people are sent to their home instead. */
    guestOnly?: boolean;
    /** Only admins may open it. */
    adminOnly?: boolean;
    /** `bare`: no admin header or navigation (the public survey). */
    layout?: 'default' | 'bare';
    title?: string;
  }
}

export interface SessionView {
  isAuthenticated: boolean;
  isAdmin: boolean;
  /** The API could not be asked who is signed in; the layout shows "retrying" meanwhile. */
  unreachable?: boolean;
}

/**
 * Decides a navigation: `true` to go on, or where to send the person instead.
 * Public routes always pass; private ones need a session; admin-only ones need an admin. While the
 * session cannot be learned (API unreachable) nobody is sent to login: the page waits, retrying.
 */
export function decideNavigation(
  to: RouteLocationNormalized,
  session: SessionView,
): true | RouteLocationRaw {
  if (to.meta.guestOnly && session.isAuthenticated) return { name: 'home' };
  if (to.meta.public) return true;
  if (session.unreachable) return true;
  if (!session.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.adminOnly && !session.isAdmin) return { name: 'forbidden' };
  return true;
}

/** Whether the guard must know the session before deciding (the survey never loads it). */
export function needsSession(to: RouteLocationNormalized): boolean {
  return !to.meta.public || Boolean(to.meta.guestOnly);
}
