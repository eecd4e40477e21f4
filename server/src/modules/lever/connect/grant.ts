import type { LeverGrant } from '@eligo/shared/schemas/lever-tile';
import type { LeverIntegration } from '../integration.model.ts';

const DAY = 86_400_000;

/**
 * Lever's refresh tokens end a year after the authorization, whatever their use (lever-api.md
 * §1.7; Auth0's absolute lifetime, counted from the grant, not from each rotation). 365 days: the
 * shorter reading of "one year", so Eligo never warns late.
 */
export const GRANT_LIFETIME_DAYS = 365;

/** Days before the end when the tile asks for a Reconnect and admins are emailed (once each). */
export const GRANT_WARNING_DAYS = [30, 7] as const;

/** When the current grant began: connect or the last Reconnect (older records: `connectedAt`). */
export const grantedAtOf = (integration: Pick<LeverIntegration, 'grantedAt' | 'connectedAt'>) =>
  integration.grantedAt ?? integration.connectedAt;

/** The grant's end and whether to warn (`daysLeft` rounds down: "7 days" means 7 whole days). */
export function grantOf(
  integration: Pick<LeverIntegration, 'grantedAt' | 'connectedAt'>,
  now: number,
): LeverGrant {
  const grantedAt = grantedAtOf(integration);
  const expiresAt = new Date(grantedAt.getTime() + GRANT_LIFETIME_DAYS * DAY);
  const daysLeft = Math.floor((expiresAt.getTime() - now) / DAY);
  return {
    grantedAt: grantedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    daysLeft,
    warn: daysLeft < GRANT_WARNING_DAYS[0],
  };
}

/**
 * The warning due now: the smallest threshold at or above `daysLeft` (7 once a week is left, else
 * 30 once a month is left), or null. A grant already within 7 days gets only the 7-day warning.
 */
export function dueWarning(daysLeft: number): (typeof GRANT_WARNING_DAYS)[number] | null {
  if (daysLeft < 0) return null;
  const due = GRANT_WARNING_DAYS.filter((days) => daysLeft < days);
  return due.length === 0 ? null : (Math.min(...due) as (typeof GRANT_WARNING_DAYS)[number]);
}
