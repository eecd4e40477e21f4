import type { Types } from 'mongoose';
import type { EmployerProfileDraft } from '@eligo/shared/schemas/employer';

/**
 * An admin saved the employer profile. Listeners (the applicants' filing facts, which count the
 * survey's signing day in the profile's time zone) act on it; a listener's failure fails the save,
 * which the admin can repeat.
 */
export interface EmployerChange {
  organizationId: Types.ObjectId;
  before: EmployerProfileDraft;
  after: EmployerProfileDraft;
}

export type EmployerChangedListener = (change: EmployerChange) => Promise<void>;

export function employerChangedEvents() {
  const listeners = new Set<EmployerChangedListener>();
  return {
    on(listener: EmployerChangedListener): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async announce(change: EmployerChange): Promise<void> {
      for (const listener of listeners) await listener(change);
    },
  };
}
