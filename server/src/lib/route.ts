import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { errorBodySchema } from '@eligo/shared/errors';
import type {
  RouteBody,
  RouteDef,
  RouteParams,
  RouteQuery,
  RouteResponse,
} from '@eligo/shared/routes';

export type RouteRequest<D> = FastifyRequest<{
  Params: RouteParams<D>;
  Querystring: RouteQuery<D>;
  Body: RouteBody<D>;
}>;

export type RouteHandler<D> = (
  request: RouteRequest<D>,
  reply: FastifyReply,
) => Promise<RouteResponse<D>>;

export interface RouteOptions<D> {
  handler: RouteHandler<D>;
  preHandler?: RouteShorthandOptions['preHandler'];
  config?: RouteShorthandOptions['config'];
  bodyLimit?: number;
}

/**
 * Registers one entry of the shared route table with its schemas (validation, serialization and
 * OpenAPI all come from the same definition the web client uses).
 */
export function registerRoute<D extends RouteDef>(
  app: FastifyInstance,
  def: D,
  options: RouteOptions<D>,
): void {
  const successStatus = def.successStatus ?? (def.response ? 200 : 204);
  const response: Record<string, unknown> = { '4xx': errorBodySchema, '5xx': errorBodySchema };
  response[String(successStatus)] = def.response ?? { type: 'null', description: 'No content' };
  app.route({
    method: def.method,
    url: def.path,
    schema: {
      summary: def.summary,
      tags: def.tags,
      ...(def.access === 'public' ? { security: [] } : { security: [{ session: [] }] }),
      ...(def.access === 'admin' ? { description: 'Organization admins only.' } : {}),
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      response,
    },
    preHandler: options.preHandler,
    config: { ...options.config, access: def.access },
    bodyLimit: options.bodyLimit,
    handler: async (request, reply) => {
      const result = await options.handler(request as RouteRequest<D>, reply);
      if (!def.response) return reply.code(successStatus).send();
      return reply.code(successStatus).send(result);
    },
  });
}

/**
 * A JSON body serialized already (a stored copy, `throughCopyJson`): Fastify sends a string with
 * a JSON content type as it is, skipping the response schema's serializer. Only for JSON made from
 * a value of the route's response type.
 */
export function preSerialized<T>(reply: FastifyReply, json: string): T {
  void reply.type('application/json; charset=utf-8');
  return json as unknown as T;
}
