import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { accountRoutes } from '@eligo/shared/routes/account';
import { authRoutes } from '@eligo/shared/routes/auth';
import type { LoginBody, Me, SetPasswordBody, SignupBody } from '@eligo/shared/schemas/auth';
import { ApiError, call } from '../../api/client.ts';

/** How long to wait before asking the API again, after `failures` failed attempts in a row. */
export function retryDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), 15_000);
}

/**
 * Who is signed in. Loaded once per page load (by the router guard or the layout) and updated by
 * auth actions. When the API cannot be reached (a network error, a 503 while the database
 * restarts) the session is not "signed out" but unknown: `unreachable` is set, the layout says
 * "cannot reach Eligo — retrying", and the store asks again by itself until it gets an answer.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  /** The session is known: signed in (`me`) or not. */
  const loaded = ref(false);
  /** The last attempt to learn the session failed; another is scheduled. */
  const unreachable = ref(false);
  let loading: Promise<void> | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const isAuthenticated = computed(() => me.value !== null);
  const isAdmin = computed(() => me.value?.user.role === 'admin');

  function known(value: Me | null): void {
    me.value = value;
    loaded.value = true;
    unreachable.value = false;
    failures = 0;
    clearTimeout(retryTimer);
  }

  async function fetchSession(): Promise<void> {
    try {
      known((await call(authRoutes.session)).me);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return known(null);
      failures += 1;
      unreachable.value = true;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void ensureLoaded(), retryDelayMs(failures));
    }
  }

  /** Resolves after one attempt: the session is then known, or `unreachable` and retrying. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= fetchSession().finally(() => {
      loading = null;
    });
    return loading;
  }

  /** Asks again now instead of waiting for the next scheduled attempt. */
  function retryNow(): Promise<void> {
    clearTimeout(retryTimer);
    return ensureLoaded();
  }

  async function login(body: LoginBody): Promise<void> {
    known(await call(authRoutes.login, { body }));
  }

  /**
   * Signs up: signed in at once (a new installation's first organization), or — when sign-up is
   * open to more organizations — resolves with the address a confirmation link was mailed to.
   */
  async function signup(body: SignupBody): Promise<string | null> {
    const { me: signedIn, confirmationSentTo } = await call(authRoutes.signup, { body });
    if (signedIn) known(signedIn);
    return confirmationSentTo;
  }

  /** Opens an open sign-up's confirmation link: the organization is created, and signed in. */
  async function confirmSignup(token: string): Promise<void> {
    known(await call(authRoutes.confirmSignup, { body: { token } }));
  }

  async function acceptInvitation(body: SetPasswordBody): Promise<void> {
    known(await call(authRoutes.setPassword, { body }));
  }

  async function updateName(name: string): Promise<void> {
    me.value = await call(accountRoutes.updateProfile, { body: { name } });
  }

  async function logout(): Promise<void> {
    try {
      await call(authRoutes.logout);
    } finally {
      forget();
    }
  }

  /** Drops what the browser knows about the session (after logout or a 401). */
  function forget(): void {
    known(null);
  }

  return {
    me,
    loaded,
    unreachable,
    retryNow,
    isAuthenticated,
    isAdmin,
    ensureLoaded,
    login,
    signup,
    confirmSignup,
    acceptInvitation,
    updateName,
    logout,
    forget,
  };
});
