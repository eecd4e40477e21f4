import type { FastifyInstance } from 'fastify';

export type FormBody = Record<string, string | string[]>;

/** Parses `application/x-www-form-urlencoded` bodies; a repeated field becomes an array. */
export function registerFormBody(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const out: FormBody = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const existing = out[key];
        if (existing === undefined) out[key] = value;
        else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
      done(null, out);
    },
  );
}

/** First value of a form field, or '' when absent. */
export const field = (body: unknown, name: string): string => {
  const value = (body as FormBody | undefined)?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

export const fieldList = (body: unknown, name: string): string[] => {
  const value = (body as FormBody | undefined)?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
