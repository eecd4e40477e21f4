import { defineStore } from 'pinia';
import { ref } from 'vue';
import { userRoutes } from '@eligo/shared/routes/users';
import type { InviteUserBody, UpdateUserBody, User } from '@eligo/shared/schemas/users';
import { call } from '../../api/client.ts';

/** The organization's users (My Account › Users, admins only). */
export const useUsersStore = defineStore('users', () => {
  const users = ref<User[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);

  function replace(user: User): void {
    const index = users.value.findIndex((u) => u.id === user.id);
    if (index === -1) users.value.push(user);
    else users.value[index] = user;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      users.value = (await call(userRoutes.list)).items;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  async function invite(body: InviteUserBody): Promise<void> {
    replace(await call(userRoutes.invite, { body }));
  }

  async function update(id: string, body: UpdateUserBody): Promise<void> {
    replace(await call(userRoutes.update, { params: { id }, body }));
  }

  async function resendInvitation(id: string): Promise<void> {
    replace(await call(userRoutes.resendInvitation, { params: { id } }));
  }

  /** Lifts the lock that failed sign-ins put on a user's account. */
  async function unlockSignIn(id: string): Promise<void> {
    await call(userRoutes.unlockSignIn, { params: { id } });
  }

  return { users, loading, error, load, invite, update, resendInvitation, unlockSignIn };
});
