import { Type } from 'typebox';

/** Repeatable query values: Fastify's Ajv coerces a single `expand=x` into `['x']`. */
export const list = () => Type.Optional(Type.Array(Type.String()));

export const pageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.String()),
};

/** `expand=a&expand=b` and `expand[]=a` both appear in public code; accept either. */
export function listParam(query: unknown, name: string): string[] {
  const q = query as Record<string, string | string[] | undefined>;
  return [q[name], q[`${name}[]`]].flat().filter((v): v is string => typeof v === 'string');
}
