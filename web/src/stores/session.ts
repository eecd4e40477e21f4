import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { accountRoutes } from '@eligo/shared/routes/account';
import { authRoutes } from '@eligo/shared/routes/auth';
import type { LoginBody, Me, SetPasswordBody, SignupBody } from '@eligo/shared/schemas/auth';
import { ApiError, call } from '../api/client.ts';

/** Who is signed in. Loaded once per page load (by the router guard) and updated by auth actions. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  const isAuthenticated = computed(() => me.value !== null);
  const isAdmin = computed(() => me.value?.user.role === 'admin');

  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= call(authRoutes.me)
      .then((value) => {
        me.value = value;
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        me.value = null;
      })
      .finally(() => {
        loaded.value = true;
        loading = null;
      });
    return loading;
  }

  async function login(body: LoginBody): Promise<void> {
    me.value = await call(authRoutes.login, { body });
    loaded.value = true;
  }

  async function signup(body: SignupBody): Promise<void> {
    me.value = await call(authRoutes.signup, { body });
    loaded.value = true;
  }

  async function acceptInvitation(body: SetPasswordBody): Promise<void> {
    me.value = await call(authRoutes.setPassword, { body });
    loaded.value = true;
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
    me.value = null;
    loaded.value = true;
  }

  return {
    me,
    loaded,
    isAuthenticated,
    isAdmin,
    ensureLoaded,
    login,
    signup,
    acceptInvitation,
    updateName,
    logout,
    forget,
  };
});
