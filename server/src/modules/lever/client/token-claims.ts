/** The payload of a JWT, or null when `token` is not one (decoded, not verified). */
function jwtPayload(token: string): Record<string, unknown> | null {
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The claims of Lever's access token (a JWT, decoded and not verified: a hint, lever-api.md §1.8):
 * the account and the user who granted it, and `scope` (space-separated), which the token
 * response's own `scope` normally repeats — read when Lever leaves that out.
 */
export function leverTokenClaims(accessToken: string): {
  accountId: string | null;
  userId: string | null;
  scopes: string[] | null;
} {
  const payload = jwtPayload(accessToken);
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const scope = typeof payload?.scope === 'string' ? payload.scope : null;
  return {
    accountId: text(payload?.['https://oauth.lever.co/accountId']),
    userId: text(payload?.['https://oauth.lever.co/userId']),
    scopes: scope === null ? null : scope.split(/\s+/).filter(Boolean),
  };
}
