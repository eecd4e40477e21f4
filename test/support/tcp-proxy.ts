import net from 'node:net';

/** A TCP proxy in front of a server that a test can cut and restore, to simulate an outage. */
export interface TcpProxy {
  port: number;
  /**
   * Closes the listener and resets every open connection, as a crashed server's host does: the
   * target looks down. (Closing them with FIN instead sometimes left the MongoDB driver's monitor
   * waiting 30–45 s on a hello it had just written to a closing connection.)
   */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let open = false;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        // A connection accepted while the cut is under way must not survive it.
        if (!open) {
          client.destroy();
          return;
        }
        const upstream = net.connect(targetPort, targetHost);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        open = true;
        resolve();
      });
    });

  const cut = () =>
    new Promise<void>((resolve) => {
      open = false;
      for (const s of sockets) s.resetAndDestroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return { port, cut, restore: listen, close: cut };
}

/** Host and port of the first host in a MongoDB connection string. */
export function hostAndPort(uri: string): { host: string; port: number } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^:/,?]+)(?::(\d+))?/.exec(uri);
  if (!match) throw new Error(`Cannot proxy ${uri}`);
  return { host: match[1]!, port: Number(match[2] ?? 27017) };
}
