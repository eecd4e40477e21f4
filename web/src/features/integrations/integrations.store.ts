import { defineStore } from 'pinia';
import { ref } from 'vue';
import { hireRefs } from '@eligo/shared/routes/filing-endpoints';
import { integrationRoutes } from '@eligo/shared/routes/integrations';
import type { LeverIntegration } from '@eligo/shared/schemas/integrations';
import type { LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { call } from '../../api/client.ts';

/** The organization's ATS integrations (My Account › Data Settings › ATS Integrations). */
export const useIntegrationsStore = defineStore('integrations', () => {
  const items = ref<LeverIntegration[]>([]);
  const leverConfigured = ref(true);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);

  function replace(integration: LeverIntegration): void {
    const index = items.value.findIndex((i) => i.id === integration.id);
    if (index === -1) items.value.push(integration);
    else items.value[index] = integration;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const list = await call(integrationRoutes.list);
      items.value = list.items;
      leverConfigured.value = list.leverConfigured;
      loaded.value = true;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  async function regenerate(integrationId: string, event: LeverWebhookEvent): Promise<void> {
    replace(
      await call(integrationRoutes.regenerateSignatureToken, {
        params: { integrationId },
        query: { event },
      }),
    );
  }

  async function setManual(
    integrationId: string,
    signatureToken: string,
    event: LeverWebhookEvent,
  ): Promise<void> {
    replace(
      await call(integrationRoutes.setManualWebhook, {
        params: { integrationId },
        body: { signatureToken, event },
      }),
    );
  }

  /** "Look for hires now": the reconcile is queued (or joins the one under way); the tile reloads. */
  async function reconcile(integrationId: string): Promise<void> {
    await call(hireRefs.reconcile, { params: { integrationId } });
    await load();
  }

  async function remove(integrationId: string): Promise<void> {
    await call(integrationRoutes.remove, { params: { integrationId } });
    items.value = items.value.filter((i) => i.id !== integrationId);
  }

  return {
    items,
    leverConfigured,
    loaded,
    loading,
    error,
    load,
    regenerate,
    setManual,
    reconcile,
    remove,
  };
});
