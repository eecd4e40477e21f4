import { defineStore } from 'pinia';
import { ref } from 'vue';
import { accountPreferenceRefs } from '@eligo/shared/routes/filing-endpoints';
import type { AccountPreferences } from '@eligo/shared/schemas/account';
import { call } from '../../api/client.ts';
import { useLoadState } from '../../composables/useLoadState.ts';

/** The signed-in person's own notification choices (My Account › Profile). */
export const usePreferencesStore = defineStore('preferences', () => {
  const preferences = ref<AccountPreferences | null>(null);
  const { loading, error, track } = useLoadState();

  function load(): Promise<void> {
    return track(async () => {
      preferences.value = await call(accountPreferenceRefs.get);
    });
  }

  /** Turns the daily filing digest on or off; throws the API's error (the choice stays as it was). */
  async function setFilingDigest(filingDigest: boolean): Promise<void> {
    preferences.value = await call(accountPreferenceRefs.update, { body: { filingDigest } });
  }

  return { preferences, loading, error, load, setFilingDigest };
});
