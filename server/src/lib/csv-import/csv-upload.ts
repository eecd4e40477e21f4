import { Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { AppError } from '../app-error.ts';

/** Largest CSV body an import accepts unless its route says otherwise. */
export const DEFAULT_CSV_BODY_LIMIT = 20 * 1024 * 1024;

const ACCEPTED_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

function inWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** 413, and the connection closes: the rest of an oversized upload is not worth reading. */
export function csvTooLarge(limit: number): AppError {
  return new AppError(
    ErrorCode.PayloadTooLarge,
    `The file is larger than ${inWords(limit)}, the most this import takes; split it into smaller files`,
    { headers: { connection: 'close' } },
  );
}

function notCsv(contentType: string | undefined): AppError {
  return new AppError(
    ErrorCode.UnsupportedMediaType,
    contentType
      ? `Send the file as CSV (Content-Type: text/csv), not ${contentType.split(';')[0]}`
      : 'Send the file as CSV (Content-Type: text/csv)',
  );
}

/**
 * Makes `scope` take `text/csv` bodies as a stream (`request.body` is the request itself, unread)
 * and refuse every other body with a 415. Call it on an encapsulated scope that holds only the
 * import routes (`registerCsvImportRoute` does): JSON routes elsewhere keep their parsers. A
 * `Content-Length` over the route's `bodyLimit` is refused before anything is read; a body without
 * one is counted as it streams (`csvBody`).
 */
export function acceptCsvBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('text/csv', (request, payload, done) => {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && !ACCEPTED_CHARSETS.has(charset.toLowerCase())) {
      done(
        new AppError(
          ErrorCode.UnsupportedMediaType,
          `Send the file as UTF-8 CSV (charset=utf-8), not ${charset}: save it as "CSV UTF-8"`,
        ),
        undefined,
      );
      return;
    }
    const limit = request.routeOptions.bodyLimit ?? DEFAULT_CSV_BODY_LIMIT;
    if (Number(request.headers['content-length']) > limit) done(csvTooLarge(limit), undefined);
    else done(null, payload);
  });
  scope.addContentTypeParser('*', (request, _payload, done) => {
    done(notCsv(request.headers['content-type']), undefined);
  });
}

/**
 * The CSV body of a request taken by `acceptCsvBodies`, counted as it streams: past the route's
 * `bodyLimit` it fails with a 413; an upload the client abandons fails with a 400. A POST that has
 * no body at all (no Content-Type either) is a 415.
 */
export function csvBody(request: FastifyRequest): Readable {
  const body = request.body as unknown;
  if (!(body instanceof Readable)) throw notCsv(request.headers['content-type']);
  const limit = request.routeOptions.bodyLimit ?? DEFAULT_CSV_BODY_LIMIT;
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) done(csvTooLarge(limit));
      else done(null, chunk);
    },
  });
  const interrupted = () =>
    counted.destroy(AppError.badRequest('The upload was interrupted; nothing was imported'));
  body.on('error', interrupted);
  body.on('close', () => {
    if (!body.readableEnded) interrupted();
  });
  return body.pipe(counted);
}
