/**
 * Which `Host` names this server answers and which `Origin`s it trusts, both derived from the
 * configuration only, never from the request (a page on a rebound DNS name sends its own name as
 * Host and Origin alike).
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * `host[:port]` in one canonical form: lower case, no trailing dot, no port when it is 80 or 443
 * (a browser omits the default port of its scheme; behind a TLS proxy the scheme is not known
 * here). Null when it is not a host at all.
 */
export function canonicalHost(value: string): string | null {
  if (!value || /[\s/@?#\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return null;
  }
  const hostname = url.hostname.replace(/\.$/, '');
  if (!hostname) return null;
  return url.port && url.port !== '443' ? `${hostname}:${url.port}` : hostname;
}

export interface HostRules {
  /** Canonical hosts the server answers (see `canonicalHost`). */
  allowedHosts: Set<string>;
  /** Origins (`scheme://host[:port]`) whose state-changing requests are accepted. */
  trustedOrigins: Set<string>;
}

/**
 * PUBLIC_URL's host, the extra hosts of ALLOWED_HOSTS, and — in development or when PUBLIC_URL is
 * itself on this machine — `localhost`, `127.0.0.1` and `[::1]` at the configured port and at
 * PUBLIC_URL's port. Trusted origins: PUBLIC_URL's origin and, in that same local case, those
 * loopback names at those ports (the same install reached by another local name).
 */
export function hostRules(options: {
  publicUrl: string;
  port: number;
  development: boolean;
  extraHosts: string[];
}): HostRules {
  const publicUrl = new URL(options.publicUrl);
  const allowedHosts = new Set<string>();
  const trustedOrigins = new Set<string>([publicUrl.origin]);
  const add = (host: string) => {
    const canonical = canonicalHost(host);
    if (canonical) allowedHosts.add(canonical);
  };
  add(publicUrl.host);
  for (const host of options.extraHosts) add(host);
  if (options.development || LOOPBACK_NAMES.includes(publicUrl.hostname)) {
    const publicPort = publicUrl.port || (publicUrl.protocol === 'https:' ? '443' : '80');
    for (const name of LOOPBACK_NAMES) {
      for (const port of new Set([String(options.port), publicPort])) {
        add(`${name}:${port}`);
        trustedOrigins.add(new URL(`${publicUrl.protocol}//${name}:${port}`).origin);
      }
    }
  }
  return { allowedHosts, trustedOrigins };
}

/**
 * True when only this machine can read the server: it listens on a loopback address and answers
 * loopback host names only (any other Host gets 421, so a web page re-pointing its own domain here
 * cannot read it either). The dev mailbox is safe to show on such a server.
 */
export function answersOnlyThisMachine(rules: HostRules, listenHost: string): boolean {
  const loopback = (name: string) => LOOPBACK_NAMES.includes(name) || name === '::1';
  return (
    loopback(listenHost) &&
    [...rules.allowedHosts].every((host) => loopback(new URL(`http://${host}`).hostname))
  );
}
