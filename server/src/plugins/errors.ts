import fp from 'fastify-plugin';
import { mapError } from '../lib/error-mapping.ts';

/** The one error handler: every failure leaves as `{ statusCode, code, message, details? }`. */
export default fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const { body, headers, isServerFault } = mapError(error);
      if (isServerFault) {
        request.log.error({ err: error, statusCode: body.statusCode }, 'request failed');
      } else {
        request.log.info({ statusCode: body.statusCode, code: body.code }, body.message);
      }
      if (headers) void reply.headers(headers);
      return reply.code(body.statusCode).type('application/json').send(body);
    });
  },
  { name: 'errors' },
);
