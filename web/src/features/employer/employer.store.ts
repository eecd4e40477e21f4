import { defineStore } from 'pinia';
import { ref } from 'vue';
import { EMPTY_EMPLOYER_PROFILE } from '@eligo/shared/filing';
import { organizationRefs } from '@eligo/shared/routes/organization-endpoints';
import type { EmployerProfileDraft, EmployerProfileInput } from '@eligo/shared/schemas/employer';
import { call } from '../../api/client.ts';

/**
 * The employer profile (My Account › Data Settings › Employer, admins; docs/filing.md §1), part of
 * the organization's settings. Saving sends the whole profile, which replaces the saved one.
 */
export const useEmployerStore = defineStore('employer', () => {
  const profile = ref<EmployerProfileDraft | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const settings = await call(organizationRefs.getSettings);
      profile.value = settings.employer ?? EMPTY_EMPLOYER_PROFILE;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  /** Saves the profile; throws the API's error (field details included) for the form to show. */
  async function save(input: EmployerProfileInput): Promise<EmployerProfileDraft> {
    const settings = await call(organizationRefs.updateSettings, { body: { employer: input } });
    profile.value = settings.employer ?? {
      ...input,
      timeZone: input.timeZone ?? null,
      employmentStates: input.employmentStates ?? null,
    };
    return profile.value;
  }

  return { profile, loading, error, load, save };
});
