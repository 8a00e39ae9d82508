/**
 * A TCP proxy on loopback in front of the local PostgreSQL, so a test can take one source down (refuse and cut
 * every connection), make it slow (hold its traffic), and bring it back — a ministry's database failing while
 * the gateway runs.
 */
import net from "node:net";

export interface SourceProxy {
  /** postgres:// URL of `database` through the proxy. */
  url(database: string, base: string): string;
  port: number;
  /** Cuts every open connection and refuses new ones. */
  down(): void;
  /** Holds every byte from the server for `ms` (0: no delay). */
  slow(ms: number): void;
  /** Accepts and forwards again, without delay. */
  up(): void;
  close(): Promise<void>;
}

export async function startSourceProxy(target: { host: string; port: number }): Promise<SourceProxy> {
  let accepting = true;
  let delayMs = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!accepting) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.on("data", (chunk) => upstream.write(chunk));
    upstream.on("data", (chunk) => {
      if (delayMs === 0) client.write(chunk);
      else setTimeout(() => client.writable && client.write(chunk), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const down = () => {
    accepting = false;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    port,
    url(database, base) {
      const url = new URL(base);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      url.pathname = `/${database}`;
      return url.toString();
    },
    down,
    slow(ms) {
      delayMs = ms;
    },
    up() {
      accepting = true;
      delayMs = 0;
    },
    async close() {
      down();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
