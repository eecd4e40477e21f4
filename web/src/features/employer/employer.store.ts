import { defineStore } from 'pinia';
import { ref } from 'vue';
import { organizationRefs } from '@eligo/shared/routes/organization-endpoints';
import type { EmployerProfileDraft, EmployerProfileInput } from '@eligo/shared/schemas/employer';
import { call } from '../../api/client.ts';
import { useLoadState } from '../../composables/useLoadState.ts';

/**
 * The employer profile (My Account › Data Settings › Employer, admins; docs/filing.md §1), part of
 * the organization's settings. Saving sends the whole profile, which replaces the saved one.
 */
export const useEmployerStore = defineStore('employer', () => {
  const profile = ref<EmployerProfileDraft | null>(null);
  const { loading, error, track } = useLoadState();

  function load(): Promise<void> {
    return track(async () => {
      const settings = await call(organizationRefs.getSettings);
      profile.value = settings.employer;
    });
  }

  /** Saves the profile; throws the API's error (field details included) for the form to show. */
  async function save(input: EmployerProfileInput): Promise<EmployerProfileDraft> {
    const settings = await call(organizationRefs.updateSettings, { body: { employer: input } });
    profile.value = settings.employer;
    return settings.employer;
  }

  return { profile, loading, error, load, save };
});
