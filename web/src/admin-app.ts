import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { onUnauthenticated } from './api/client.ts';
import { createAppRouter } from './router/index.ts';

/** The admin SPA (and every page but the survey): router, stores, the admin chrome. */
export async function mountAdminApp(selector: string): Promise<void> {
  const app = createApp(App);
  const pinia = createPinia();
  const router = createAppRouter();
  app.use(pinia).use(router);

  // The one place that handles 401: a session we had has ended (expired, signed out elsewhere,
  // deactivated), so private pages go to login. A visitor who never signed in has nothing to end.
  onUnauthenticated(async () => {
    const { useSessionStore } = await import('./features/auth/session.store.ts');
    const session = useSessionStore(pinia);
    if (!session.isAuthenticated) return;
    session.forget();
    const current = router.currentRoute.value;
    if (!current.meta.public)
      void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  });

  // Mount once the first route is known, so the layout matches it from the first paint.
  await router.isReady();
  app.mount(selector);
}
