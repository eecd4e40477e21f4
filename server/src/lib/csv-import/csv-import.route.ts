import type { FastifyInstance } from 'fastify';
import type { RouteDef, RouteResponse } from '@eligo/shared/routes';
import { registerRoute, type RouteOptions, type RouteRequest } from '../route.ts';
import type { CsvColumns, CsvImportDefinition, CsvRow } from './csv-definition.ts';
import { runCsvImport, type CsvApply, type CsvApplyContext } from './csv-import.runner.ts';
import { DEFAULT_CSV_BODY_LIMIT, acceptCsvBodies, csvBody } from './csv-upload.ts';
import { stagedChunkModel } from './staged-chunk.model.ts';

export interface CsvImportRouteOptions<D extends RouteDef, C extends CsvColumns> {
  definition: CsvImportDefinition<C>;
  /** Largest body in bytes (default 20 MB); more is a 413. */
  bodyLimit?: number;
  preHandler?: RouteOptions<D>['preHandler'];
  config?: RouteOptions<D>['config'];
  /** Writes a valid file (see `CsvApply`); its result is the route's answer. */
  apply(
    batches: Parameters<CsvApply<CsvRow<C>, RouteResponse<D>>>[0],
    context: CsvApplyContext & { request: RouteRequest<D> },
  ): Promise<RouteResponse<D>>;
}

/**
 * Registers a CSV import endpoint from the shared route table (whose `query` should be
 * `csvImportQuerySchema`, for `?dryRun=true`): `text/csv` bodies stream in, anything else is a 415,
 * more than `bodyLimit` a 413, a file with any error a `400 CSV_INVALID` with nothing applied. The
 * route lives in a scope of its own, so the module's other routes keep parsing JSON.
 */
export function registerCsvImportRoute<D extends RouteDef, C extends CsvColumns>(
  app: FastifyInstance,
  def: D,
  options: CsvImportRouteOptions<D, C>,
): void {
  // Registered now, so that boot creates the staging collection and its TTL index.
  stagedChunkModel(app.mongo);
  void app.register(async (scope) => {
    acceptCsvBodies(scope);
    registerRoute(scope, def, {
      bodyLimit: options.bodyLimit ?? DEFAULT_CSV_BODY_LIMIT,
      ...(options.preHandler ? { preHandler: options.preHandler } : {}),
      ...(options.config ? { config: options.config } : {}),
      handler: (request) =>
        runCsvImport(scope.mongo, options.definition, csvBody(request), {
          dryRun: (request.query as { dryRun?: boolean } | undefined)?.dryRun === true,
          apply: (batches, context) => options.apply(batches, { ...context, request }),
        }),
    });
  });
}
