import type { WotcStatus } from '@eligo/shared/schemas/applicants';
import type { Applicant } from './applicant.model.ts';
import type { Actor } from './timeline.ts';

/**
 * An applicant's WOTC status was decided — the survey was evaluated, an earlier application's
 * result was copied, or an admin overrode it — and stored. Listeners (Lever's tag sync) act on
 * it: e.g. Pre Qualified and Not Qualified are written back as a Lever tag.
 */
export interface StatusDecision {
  applicant: Pick<Applicant, '_id' | 'organizationId'>;
  status: WotcStatus;
  /** Who decided: the system (evaluation, copied result) or the admin who overrode it. */
  actor: Actor;
}

export type StatusDecidedListener = (decision: StatusDecision) => Promise<void>;

export interface StatusDecidedEvents {
  /** Adds a listener; returns the function that removes it. */
  on(listener: StatusDecidedListener): () => void;
  /**
   * Calls every listener in turn and waits for each. A failure is thrown to the caller (the
   * decision's answer fails, as any of its own writes would): what listeners do is part of it.
   */
  announce(decision: StatusDecision): Promise<void>;
}

export function statusDecidedEvents(): StatusDecidedEvents {
  const listeners = new Set<StatusDecidedListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async announce(decision) {
      for (const listener of listeners) await listener(decision);
    },
  };
}
