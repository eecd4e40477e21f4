import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { decideNavigation, needsSession } from './guard.ts';

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('../features/home/HomeView.vue'),
    meta: { public: true, title: 'Home' },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('../features/auth/LoginView.vue'),
    meta: { public: true, guestOnly: true, title: 'Sign in' },
  },
  {
    path: '/signup',
    name: 'signup',
    component: () => import('../features/auth/SignupView.vue'),
    meta: { public: true, guestOnly: true, title: 'Create your organization' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('../features/auth/ForgotPasswordView.vue'),
    meta: { public: true, guestOnly: true, title: 'Reset your password' },
  },
  {
    path: '/reset-password/:token',
    name: 'reset-password',
    component: () => import('../features/auth/ResetPasswordView.vue'),
    meta: { public: true, title: 'Choose a new password' },
  },
  {
    path: '/signup/confirm',
    name: 'signup-confirm',
    component: () => import('../features/auth/SignupConfirmView.vue'),
    meta: { public: true, title: 'Create your organization' },
  },
  {
    path: '/set-password',
    name: 'set-password',
    component: () => import('../features/auth/SetPasswordView.vue'),
    meta: { public: true, title: 'Set your password' },
  },
  {
    path: '/applicants',
    name: 'applicants',
    component: () => import('../features/applicants/ApplicantsView.vue'),
    meta: { title: 'WOTC Applicants' },
  },
  {
    path: '/applicants/:applicantId',
    name: 'applicant',
    component: () => import('../features/applicants/ApplicantView.vue'),
    meta: { title: 'Applicant' },
  },
  {
    path: '/filing',
    name: 'filing',
    component: () => import('../features/filing/FilingView.vue'),
    meta: { title: 'Filing' },
  },
  {
    path: '/credits',
    name: 'credits',
    component: () => import('../features/credits/CreditsView.vue'),
    meta: { title: 'Credits', adminOnly: true },
  },
  {
    path: '/account',
    component: () => import('../features/account/AccountView.vue'),
    redirect: { name: 'account-profile' },
    children: [
      {
        path: 'profile',
        name: 'account-profile',
        component: () => import('../features/account/ProfileTab.vue'),
        meta: { title: 'My Account' },
      },
      {
        path: 'data-settings',
        name: 'account-data-settings',
        component: () => import('../features/account/DataSettingsTab.vue'),
        meta: { adminOnly: true, title: 'Data Settings' },
      },
      {
        path: 'users',
        name: 'account-users',
        component: () => import('../features/users/UsersTab.vue'),
        meta: { adminOnly: true, title: 'Users' },
      },
      {
        path: 'audit-log',
        name: 'account-audit-log',
        component: () => import('../features/audit/AuditLogTab.vue'),
        meta: { adminOnly: true, title: 'Audit log' },
      },
    ],
  },
  {
    path: '/account/data-settings/ats-integrations',
    name: 'ats-integrations',
    component: () => import('../features/integrations/AtsIntegrationsView.vue'),
    meta: { adminOnly: true, title: 'ATS Integrations' },
  },
  {
    path: '/account/data-settings/employer',
    name: 'employer-profile',
    component: () => import('../features/employer/EmployerProfileView.vue'),
    meta: { adminOnly: true, title: 'Employer profile' },
  },
  {
    path: '/dev/mailbox',
    name: 'dev-mailbox',
    component: () => import('../features/mailbox/MailboxView.vue'),
    meta: { public: true, title: 'Dev mailbox' },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./ForbiddenView.vue'),
    meta: { title: 'Not available' },
  },
  {
    // The public applicant survey. A page load of /survey/<token> mounts it without this router
    // (main.ts); the route is here for navigation inside the app. No admin chrome (see App.vue).
    path: '/survey/:token',
    name: 'survey',
    // Through mount.ts, so the survey stays one download with what a survey page load runs.
    component: () => import('../features/survey/mount.ts').then((m) => m.SurveyView),
    props: true,
    meta: { public: true, layout: 'bare', title: 'Survey' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./NotFoundView.vue'),
    meta: { public: true, title: 'Page not found' },
  },
];

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach(async (to) => {
    // Loaded on demand: the public survey never downloads the session store or the auth routes.
    if (!needsSession(to)) return true;
    const { useSessionStore } = await import('../features/auth/session.store.ts');
    const session = useSessionStore();
    await session.ensureLoaded().catch(() => undefined);
    return decideNavigation(to, session);
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Eligo` : 'Eligo';
  });
  return router;
}
