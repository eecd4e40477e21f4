import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Lever's error body is `{code, message}`; code names follow restify's (Lever shows
 * `ResourceNotFound` and `RequestTimeout`; the others are the restify names for each status).
 */
export const leverErrorCodes: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'ResourceNotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

export class LeverError extends Error {
  readonly code: string;
  constructor(
    readonly statusCode: number,
    message: string,
    code?: string,
  ) {
    super(message);
    this.code = code ?? leverErrorCodes[statusCode] ?? 'InternalError';
  }
}

export const notFound = (resource: string, id: string): LeverError =>
  new LeverError(404, `${resource} ${id} was not found`);

export const badRequest = (message: string): LeverError => new LeverError(400, message);

/** Every /v1 error, including validation errors and unknown routes, answers in Lever's shape. */
export function registerLeverErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | LeverError, request, reply) => {
    if (error instanceof LeverError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message });
    }
    if (error.validation) {
      return reply.code(400).send({ code: 'BadRequest', message: error.message });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'emulator API error');
    return reply.code(status).send({
      code: leverErrorCodes[status] ?? 'InternalError',
      message: status === 500 ? 'Internal error' : error.message,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'ResourceNotFound', message: `${request.url} does not exist` }),
  );
}
