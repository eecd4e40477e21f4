/** Tiny HTML templating: interpolations are escaped unless they are already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

const styles = `
body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f5f7fa}
header{background:#1d2733;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
header a{color:#cfe3ff}header .who{margin-left:auto}
main{max-width:980px;margin:1.2rem auto;padding:0 1rem}
section.card{background:#fff;border:1px solid #d8dee6;border-radius:6px;padding:1rem;margin:0 0 1rem}
nav.tabs{display:flex;gap:.4rem;margin:0 0 1rem}nav.tabs a{padding:.4rem .8rem;border-radius:4px;text-decoration:none;color:#1d2733}
nav.tabs a[aria-current=page]{background:#1d2733;color:#fff}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem;border-bottom:1px solid #e4e8ee;vertical-align:top}
button{cursor:pointer;padding:.3rem .7rem}form.inline{display:inline}
button[role=switch]{border-radius:1rem;min-width:4.5rem}button[role=switch][aria-checked=true]{background:#2e7d32;color:#fff}
code,.token{font-family:ui-monospace,monospace;word-break:break-all}
.notice{background:#fff8e1;border:1px solid #ffe082;padding:.6rem;border-radius:4px}
.error{background:#ffebee;border:1px solid #ef9a9a;padding:.6rem;border-radius:4px}
label{display:block;margin:.5rem 0 .2rem}input,select{padding:.3rem;min-width:18rem}
input[type=checkbox]{min-width:0}fieldset label{display:inline-block;margin-right:1rem}
`;

export interface PageUser {
  name: string;
  accessRole: string;
}

export function page(title: string, body: SafeHtml, user?: PageUser | null): string {
  const who = user
    ? html`<span class="who"
        >${user.name} (${user.accessRole})
        <form class="inline" method="post" action="/logout">
          <button type="submit">Log out</button>
        </form></span
      >`
    : html``;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · Lever (emulator)</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>
          ${new SafeHtml(styles)}
        </style>
      </head>
      <body>
        <header>
          <strong>Lever</strong> <small>emulator</small> <a href="/candidates">Candidates</a
          ><a href="/settings/integrations">Settings</a>${who}
        </header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

/** Standalone error page (e.g. a bad authorize request that cannot be redirected back). */
export function errorPage(title: string, message: string): string {
  return page(
    title,
    html`<section class="card">
      <h1>${title}</h1>
      <p class="error">${message}</p>
    </section>`,
  );
}

export const formatTime = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
