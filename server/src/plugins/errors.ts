import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, errorStatus, type ErrorBody } from '@eligo/shared/errors';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.ts';
import { mapError, valueAtPointer } from '../lib/error-mapping.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Lets a module choose the answer to URLs under `prefix` that no route can even parse (broken
     * percent-encoding, an over-long path parameter); elsewhere they get a plain 400.
     */
    answerMalformedUrls(prefix: string, error: () => AppError): void;
    /** The error for a URL the router could not parse (used by the app's `frameworkErrors`). */
    malformedUrlError(url: string): AppError;
  }
}

/** Sends the one error body for anything thrown, logging server faults with the request. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const parts: Record<string, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
  };
  const { body, headers, isServerFault } = mapError(error, (context, pointer) =>
    valueAtPointer(parts[context], pointer),
  );
  if (isServerFault) {
    request.log.error({ err: error, statusCode: body.statusCode }, 'request failed');
  } else {
    request.log.info({ statusCode: body.statusCode, code: body.code }, body.message);
  }
  if (headers) void reply.headers(headers);
  return reply.code(body.statusCode).type('application/json').send(body);
}

/**
 * Fastify's `clientErrorHandler`: Node rejected the request before Fastify saw it (headers too
 * large, a malformed request line or header, a timeout). The answer is still the one error body.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [ErrorCode.HeadersTooLarge, 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [ErrorCode.RequestTimeout, 'The request took too long to arrive']
        : [ErrorCode.BadRequest, 'The request is not valid HTTP'];
  const body: ErrorBody = { statusCode: errorStatus[code], code, message };
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'Connection: close\r\n\r\n' +
        json,
    );
  }
  socket.destroy();
}

/** The one error handler: every failure leaves as `{ statusCode, code, message, details? }`. */
export default fp(
  async (app) => {
    const malformedUrlAnswers: Array<{ prefix: string; error: () => AppError }> = [];
    app.decorate('answerMalformedUrls', (prefix: string, error: () => AppError) => {
      malformedUrlAnswers.push({ prefix, error });
    });
    app.decorate('malformedUrlError', (url: string) => {
      const answer = malformedUrlAnswers.find(({ prefix }) => url.startsWith(prefix));
      return answer ? answer.error() : AppError.badRequest('This URL is not valid');
    });
    app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  },
  { name: 'errors' },
);
