import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

const ajvOptions = { removeAdditional: false, useDefaults: true, allErrors: true } as const;

/**
 * Fastify's schema validators with type coercion where it belongs: query strings and path (and
 * header) values arrive as text, so `?page=2` may become a number; request bodies are JSON and
 * must already have the declared types (`"agreed": "true"` is not `true`, `"step": "1"` is not 1).
 */
export function validatorCompilers(): NonNullable<FastifyServerOptions['schemaController']> {
  const pool = AjvCompiler();
  return {
    compilersFactory: {
      buildValidator(externalSchemas, serverOptions) {
        const base = serverOptions as { customOptions?: object };
        const build = (coerceTypes: false | 'array') =>
          pool(externalSchemas, {
            ...base,
            customOptions: { ...base.customOptions, ...ajvOptions, coerceTypes },
          });
        const forBodies = build(false);
        const forText = build('array');
        return (route) => (route.httpPart === 'body' ? forBodies(route) : forText(route));
      },
    },
  };
}
