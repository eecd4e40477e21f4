import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/** Logged-in page requests against the emulator's app with `inject` (no port needed). */
export function uiClient(app: FastifyInstance) {
  async function loginAs(email: string): Promise<string> {
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      payload: new URLSearchParams({ email, password: 'lever', next: '/candidates' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(303);
    return String(response.headers['set-cookie']).split(';')[0]!;
  }

  /** Posts a form; a field given as an array is repeated (checkboxes). */
  const form = (cookie: string, url: string, fields: Record<string, string | string[]> = {}) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields))
      for (const v of [value].flat()) body.append(key, v);
    return app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
  };

  const get = (cookie: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie } });

  return { loginAs, form, get };
}
