import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('../views/HomeView.vue'),
    meta: { public: true, title: 'Home' },
  },
  {
    // The public applicant survey: its own chunk, no admin chrome (see App.vue).
    path: '/survey/:token',
    name: 'survey',
    component: () => import('../features/survey/SurveyView.vue'),
    meta: { public: true, layout: 'bare', title: 'Survey' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../views/NotFoundView.vue'),
    meta: { public: true, title: 'Page not found' },
  },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Eligo` : 'Eligo';
  });
  return router;
}
