import { createApp } from 'vue';
import SurveyView from './SurveyView.vue';

/** The survey's page, for the admin router's survey route: one chunk with `mountSurvey`. */
export { SurveyView };

/** Mounts the survey behind one link token as a stand-alone app (see main.ts). */
export function mountSurvey(selector: string, token: string): void {
  createApp(SurveyView, { token }).mount(selector);
}
