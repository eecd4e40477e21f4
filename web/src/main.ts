import './styles.css';
import { startSurveyLoad } from './features/survey/first-load.ts';

/**
 * Two apps share this page. The public applicant survey (`/survey/<token>`, opened from an email on
 * a phone) is a small app of its own: no router, no stores, no admin chrome, so its first download
 * stays small. Every other path is the admin SPA.
 */
const survey = /^\/survey\/([^/]+)\/?$/.exec(window.location.pathname);
if (survey) {
  const token = decodeURIComponent(survey[1]!);
  // The survey's data and its code travel side by side (features/survey/first-load.ts).
  startSurveyLoad(token);
  const { mountSurvey } = await import('./features/survey/mount.ts');
  mountSurvey('#app', token);
} else {
  const { mountAdminApp } = await import('./admin-app.ts');
  await mountAdminApp('#app');
}
