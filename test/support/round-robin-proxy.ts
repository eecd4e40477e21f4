import http from 'node:http';

export interface RoundRobinProxy {
  /** How many requests each target was sent, in the order of `targets`. */
  forwarded: number[];
  close(): Promise<void>;
}

/**
 * A tiny load balancer for tests: listens on `port` and sends each request to the next of
 * `targets` in turn (1, 2, 1, 2…), keeping the `Host` header the client sent (the API answers only
 * its PUBLIC_URL's host, as behind a real load balancer). No retries: a failed target answers 502.
 */
export async function startRoundRobinProxy(
  port: number,
  targets: string[],
): Promise<RoundRobinProxy> {
  const forwarded = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next++ % targets.length;
    forwarded[index]! += 1;
    const target = new URL(targets[index]!);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
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
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
