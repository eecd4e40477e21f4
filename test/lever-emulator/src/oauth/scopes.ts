/** Lever's scope list (docs/lever-api.md §1.9). `write` implies `read` for the same resource. */
export const leverScopes = [
  'offline_access',
  'applications:read:admin',
  'archive_reasons:read:admin',
  'audit_events:read:admin',
  'confidential:access:admin',
  'contact:read:admin',
  'contact:write:admin',
  'diversity_surveys:read:admin',
  'eeo_responses:read:admin',
  'eeo_responses_pii:read:admin',
  'feedback:read:admin',
  'feedback:write:admin',
  'feedback_templates:read:admin',
  'feedback_templates:write:admin',
  'files:read:admin',
  'files:write:admin',
  'forms:read:admin',
  'forms:write:admin',
  'form_templates:read:admin',
  'form_templates:write:admin',
  'groups:read:admin',
  'groups:write:admin',
  'interviews:read:admin',
  'interviews:write:admin',
  'notes:read:admin',
  'notes:write:admin',
  'offers:read:admin',
  'opportunities:read:admin',
  'opportunities:write:admin',
  'panels:read:admin',
  'panels:write:admin',
  'permissions:read:admin',
  'permissions:write:admin',
  'postings:read:admin',
  'postings:write:admin',
  'referrals:read:admin',
  'requisitions:read:admin',
  'requisitions:write:admin',
  'requisition_fields:read:admin',
  'requisition_fields:write:admin',
  'resumes:read:admin',
  'roles:read:admin',
  'roles:write:admin',
  'sources:read:admin',
  'stages:read:admin',
  'tags:read:admin',
  'tasks:read:admin',
  'uploads:write:admin',
  'users:read:admin',
  'users:write:admin',
  'webhooks:read:admin',
  'webhooks:write:admin',
] as const;

const known = new Set<string>(leverScopes);

/** Requested scopes Lever knows, in request order, without duplicates. */
export function parseScopes(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(/[\s+]+/).filter((s) => known.has(s)))];
}

/** True if `granted` covers `needed`; a `…:write:admin` scope also covers `…:read:admin`. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  const write = needed.replace(/:read:admin$/, ':write:admin');
  return write !== needed && granted.includes(write);
}

/** Human wording for the consent page. */
export function describeScope(scope: string): string {
  if (scope === 'offline_access') return 'Stay connected (offline access)';
  const [resource = scope, access = ''] = scope.split(':');
  const noun = resource.replace(/_/g, ' ');
  if (access === 'write') return `Read and write ${noun}`;
  if (access === 'access') return `Access ${noun} data`;
  return `Read ${noun}`;
}
