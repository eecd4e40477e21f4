import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (the survey, login, sign-up, the home page). */
    public?: boolean;
    /** Login and sign-up: signed-in people are sent to the dashboard instead. */
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
}

/**
 * Decides a navigation: `true` to go on, or where to send the person instead.
 * Public routes always pass; private ones need a session; admin-only ones need an admin.
 */
export function decideNavigation(
  to: RouteLocationNormalized,
  session: SessionView,
): true | RouteLocationRaw {
  if (to.meta.guestOnly && session.isAuthenticated) return { name: 'applicants' };
  if (to.meta.public) return true;
  if (!session.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.adminOnly && !session.isAdmin) return { name: 'forbidden' };
  return true;
}

/** Whether the guard must know the session before deciding (the survey never loads it). */
export function needsSession(to: RouteLocationNormalized): boolean {
  return !to.meta.public || Boolean(to.meta.guestOnly);
}
