/**
 * The scopes Eligo asks Lever for (lever-api.md §1.9), each for a reason the admin can check on
 * Lever's consent page. All are required: a grant missing any of them is refused at the callback.
 * Not requested: `confidential:access:admin` (it opens every confidential posting and candidate
 * of the account; applications to confidential postings are not surveyed).
 */
export const LEVER_SCOPES = [
  /** A refresh token, so the connection survives the 1-hour access token. */
  'offline_access',
  /** Read the applicant's opportunity (name, emails) and add/remove the WOTC status tags. */
  'opportunities:write:admin',
  /** `expand=applications`: which posting the person applied to, and the application's email. */
  'applications:read:admin',
  /** The posting's title shown on the dashboard. */
  'postings:read:admin',
  /** The contact's emails when the opportunity has none. */
  'contact:read:admin',
  /** Create, list and delete the Application created webhook. */
  'webhooks:write:admin',
] as const;

/** True when `granted` covers `needed`; Lever's `…:write:admin` implies `…:read:admin`. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  const write = needed.replace(/:read:admin$/, ':write:admin');
  return write !== needed && granted.includes(write);
}

export function missingScopes(granted: readonly string[]): string[] {
  return LEVER_SCOPES.filter((scope) => !hasScope(granted, scope));
}

/** The claims of Lever's access token (a JWT; decoded, not verified: a hint, lever-api.md §1.8). */
export function leverTokenClaims(accessToken: string): {
  accountId: string | null;
  userId: string | null;
} {
  try {
    const payload = JSON.parse(
      Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
    return {
      accountId: text(payload['https://oauth.lever.co/accountId']),
      userId: text(payload['https://oauth.lever.co/userId']),
    };
  } catch {
    return { accountId: null, userId: null };
  }
}
