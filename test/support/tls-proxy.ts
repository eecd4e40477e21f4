import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface TlsProxy {
  /** `https://localhost:<port>`: what PUBLIC_URL is behind this proxy. */
  url: string;
  /** The proxy's self-signed certificate (PEM), for clients to trust it. */
  ca: string;
  /** Where requests go (`http://127.0.0.1:<port>` of the app); set once the app listens. */
  target: string | null;
  close(): Promise<void>;
}

/**
 * A TLS-terminating reverse proxy for tests, as a load balancer is in production: HTTPS on
 * `localhost` with a self-signed certificate made here, forwarding plain HTTP to `target` with the
 * client's `Host` and `X-Forwarded-Proto: https` / `X-Forwarded-For` (the app trusts them with
 * TRUST_PROXY=true).
 */
export async function startTlsProxy(): Promise<TlsProxy> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
    ],
  });
  const proxy: TlsProxy = { url: '', ca: pems.cert, target: null, close: async () => {} };
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    if (!proxy.target) {
      response.writeHead(502).end();
      return;
    }
    const target = new URL(proxy.target);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: {
          ...request.headers,
          'x-forwarded-proto': 'https',
          'x-forwarded-for': request.socket.remoteAddress ?? '127.0.0.1',
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `https://localhost:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

export interface HttpsAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request through the proxy, verifying its certificate (as a browser would). */
export function httpsRequest(
  proxy: TlsProxy,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpsAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${proxy.url}${path}`,
      {
        method,
        ca: proxy.ca,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
