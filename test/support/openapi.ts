/** Reading the app's OpenAPI document: every route, and example inputs built from its schemas. */

export interface OpenApiOperation {
  method: string;
  path: string;
  /** `true` when the operation needs no session (OpenAPI `security: []`). */
  isPublic: boolean;
  /** `true` for routes of organization admins only (server/src/lib/route.ts documents them so). */
  adminOnly: boolean;
  requestBody?: JsonSchema;
  summary?: string;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        summary?: string;
        description?: string;
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

export function operationsOf(doc: OpenApiDocument): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        adminOnly: op.description === 'Organization admins only.',
        requestBody: op.requestBody?.content?.['application/json']?.schema,
        summary: op.summary,
      });
    }
  }
  return operations;
}

/** Path parameter names of an OpenAPI path (`/api/users/{id}` → `['id']`). */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/**
 * A value that satisfies `schema`, filling every property (optional ones too), so a request gets past
 * validation and reaches the handler. `idValue` is used for object-id-shaped strings.
 */
export function exampleOf(schema: JsonSchema | undefined, idValue: string): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return exampleOf(variants.find((v) => v.type !== 'null') ?? variants[0], idValue);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {}))
        out[key] = exampleOf(value, idValue);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items, idValue));
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'string': {
      if (schema.pattern === '^[a-f0-9]{24}$') return idValue;
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'date') return '2000-01-01';
      if (schema.pattern?.includes('@'))
        return `sweep-${Math.random().toString(36).slice(2, 8)}@example.com`;
      if (schema.pattern === '^[A-Za-z0-9_-]+$')
        return 'x'.repeat(Math.max(43, schema.minLength ?? 0));
      return 'x'.repeat(Math.max(8, schema.minLength ?? 0));
    }
    default:
      return null;
  }
}
