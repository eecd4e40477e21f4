/**
 * The one list of the scopes Eligo asks Lever for (lever-api.md §1.9), each with the reason the
 * admin can check on Lever's consent page. README › Configuring Lever shows this list to whoever
 * registers the app with Lever (Lever fixes an app's scopes at registration); `scopes.test.ts`
 * fails when the README and this file disagree.
 *
 * `required`: a grant missing one is refused at the callback (nothing works without it).
 * `optional`: asked for on every connect, but a grant without it (an app registered before Eligo
 * asked, or a narrower consent) still connects; what it would have given is left for an admin.
 * Not asked: `confidential:access:admin` (it opens every confidential posting and candidate of the
 * account; applications to confidential postings are not surveyed), `contact:read:admin` (nothing
 * reads contacts: the emails come with the opportunity and its application).
 */
export const LEVER_SCOPES = {
  required: [
    {
      scope: 'offline_access',
      why: 'a refresh token, so the connection outlives the one-hour access token',
    },
    {
      scope: 'opportunities:write:admin',
      why: 'read the applicant, add and remove the WOTC tags, list hired candidates',
    },
    {
      scope: 'applications:read:admin',
      why: "which posting they applied to, and the application's email",
    },
    { scope: 'postings:read:admin', why: 'the job title on the dashboard' },
    {
      scope: 'webhooks:write:admin',
      why: 'create, list and delete the Application created and Candidate hired webhooks',
    },
  ],
  optional: [
    {
      scope: 'offers:read:admin',
      why: "the offer's sent date, anticipated start date, job title and wage of a hire (without it an admin enters them)",
    },
    {
      scope: 'archive_reasons:read:admin',
      why: 'which archive reasons mean hired, for the reconcile that finds hires a lost webhook missed (without it only the webhook reports hires)',
    },
  ],
} as const;

export type LeverScope =
  (typeof LEVER_SCOPES.required)[number]['scope'] | (typeof LEVER_SCOPES.optional)[number]['scope'];

/** Every scope on the authorize URL, required first. */
export const REQUESTED_SCOPES: readonly LeverScope[] = [
  ...LEVER_SCOPES.required,
  ...LEVER_SCOPES.optional,
].map((s) => s.scope);

/** True when `granted` covers `needed`; Lever's `…:write:admin` implies `…:read:admin`. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  const write = needed.replace(/:read:admin$/, ':write:admin');
  return write !== needed && granted.includes(write);
}

/** The required scopes a grant lacks (any → the connect is refused). */
export function missingScopes(granted: readonly string[]): string[] {
  return LEVER_SCOPES.required.map((s) => s.scope).filter((scope) => !hasScope(granted, scope));
}

/** The optional scopes a grant lacks, with what the admin does instead (shown on the tile). */
export function missingOptionalScopes(
  granted: readonly string[],
): Array<{ scope: string; why: string }> {
  return LEVER_SCOPES.optional
    .filter((s) => !hasScope(granted, s.scope))
    .map(({ scope, why }) => ({ scope, why }));
}
