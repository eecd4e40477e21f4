import { describe, expect, test } from 'vitest';
import type { RouteLocationNormalized } from 'vue-router';
import { decideNavigation, needsSession } from './guard.ts';

function route(
  meta: RouteLocationNormalized['meta'],
  fullPath = '/somewhere?x=1',
): RouteLocationNormalized {
  return { meta, fullPath } as RouteLocationNormalized;
}

const anonymous = { isAuthenticated: false, isAdmin: false };
const member = { isAuthenticated: true, isAdmin: false };
const admin = { isAuthenticated: true, isAdmin: true };

describe('decideNavigation', () => {
  test('public routes are open to everyone', () => {
    expect(decideNavigation(route({ public: true }), anonymous)).toBe(true);
    expect(decideNavigation(route({ public: true }), member)).toBe(true);
  });

  test('private routes send anonymous visitors to login and remember where they were going', () => {
    expect(decideNavigation(route({}), anonymous)).toEqual({
      name: 'login',
      query: { redirect: '/somewhere?x=1' },
    });
  });

  test('while the API is unreachable nobody is sent to login (the layout shows "retrying")', () => {
    const unknown = { isAuthenticated: false, isAdmin: false, unreachable: true };
    expect(decideNavigation(route({}), unknown)).toBe(true);
    expect(decideNavigation(route({ adminOnly: true }), unknown)).toBe(true);
  });

  test('private routes let signed-in people through', () => {
    expect(decideNavigation(route({}), member)).toBe(true);
  });

  test('admin-only routes refuse members and admit admins', () => {
    expect(decideNavigation(route({ adminOnly: true }), member)).toEqual({ name: 'forbidden' });
    expect(decideNavigation(route({ adminOnly: true }), anonymous)).toMatchObject({
      name: 'login',
    });
    expect(decideNavigation(route({ adminOnly: true }), admin)).toBe(true);
  });

  test('login and sign-up send signed-in people to their home (the to-do list)', () => {
    expect(decideNavigation(route({ public: true, guestOnly: true }), member)).toEqual({
      name: 'home',
    });
    expect(decideNavigation(route({ public: true, guestOnly: true }), anonymous)).toBe(true);
  });
});

describe('needsSession', () => {
  test('the survey and other plain public pages do not load the session; the rest do', () => {
    expect(needsSession(route({ public: true, layout: 'bare' }))).toBe(false);
    expect(needsSession(route({ public: true, guestOnly: true }))).toBe(true);
    expect(needsSession(route({}))).toBe(true);
  });
});
