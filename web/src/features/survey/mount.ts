import { createApp } from 'vue';
import SurveyView from './SurveyView.vue';

/** Mounts the survey behind one link token as a stand-alone app (see main.ts). */
export function mountSurvey(selector: string, token: string): void {
  createApp(SurveyView, { token }).mount(selector);
}
