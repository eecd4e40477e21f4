import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait.ts';

export interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: {
    triggeredAt: number;
    event: string;
    data: Record<string, unknown>;
    signature: string;
    token: string;
    [key: string]: unknown;
  };
}

/**
 * A local webhook receiver. `respond` decides each answer: a status code, or 'hang' to never answer
 * (to exercise the emulator's delivery timeout).
 */
export async function startReceiver(respond: (index: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const index = received.length;
      received.push({ headers: request.headers, body: JSON.parse(raw) as Received['body'] });
      const answer = respond(index);
      if (answer === 'hang') return;
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(`answer ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lever/webhooks`,
    received,
    waitForCount: (count: number, timeoutMs = 5000) =>
      waitFor(
        () => received.length,
        (n) => n >= count,
        { timeoutMs, what: `${count} deliveries` },
      ).then(() => received),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
