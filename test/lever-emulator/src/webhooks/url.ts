/** Lever requires HTTPS webhook URLs; the emulator also accepts plain HTTP to this machine. */
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `url ${raw} is not a valid URL`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && localHosts.has(url.hostname)) return null;
  return 'url must use https';
}
