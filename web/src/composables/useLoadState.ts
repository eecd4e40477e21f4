import { ref } from 'vue';

/**
 * What a screen shows while its data loads: `loading` while a load runs, the failure's message in
 * `error` (shown with a way to try again, never swallowed). For stores and views alike.
 */
export function useLoadState() {
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function track(load: () => Promise<void>): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      await load();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  return { loading, error, track };
}
