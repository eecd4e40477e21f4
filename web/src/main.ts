import './styles.css';
import { startSurveyLoad } from './features/survey/first-load.ts';

/**
 * Two apps share this page. The public applicant survey (`/survey/<token>`, opened from an email on
 * a phone) is a small app of its own: no router, no stores, no admin chrome, so its first download
 * stays small. Every other path is the admin SPA.
 *
 * No top-level `await` here: it turns off the bundler's chunk optimizations for the whole build
 * (Rolldown keeps execution order that way), which left the survey's shared pieces in a handful of
 * small chunks, each one more response on a phone's slow link.
 */
const survey = /^\/survey\/([^/]+)\/?$/.exec(window.location.pathname);
if (survey) {
  const token = decodeURIComponent(survey[1]!);
  // The survey's data and its code travel side by side (features/survey/first-load.ts).
  startSurveyLoad(token);
  void import('./features/survey/mount.ts').then(({ mountSurvey }) => mountSurvey('#app', token));
} else {
  void import('./admin-app.ts').then(({ mountAdminApp }) => mountAdminApp('#app'));
}
