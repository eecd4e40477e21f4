import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { systemRoutes } from '@eligo/shared/routes/system';
import type { Health } from '@eligo/shared/schemas/health';
import { call } from '../../api/client.ts';

export const useHealthStore = defineStore('health', () => {
  const health = ref<Health | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const isUp = computed(() => health.value?.status === 'ok');

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      health.value = await call(systemRoutes.health);
    } catch (e) {
      health.value = null;
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  return { health, loading, error, isUp, load };
});
