/** Listening and closing an HTTP server, the same way for the gateway, the router and every subgraph. */
import type http from "node:http";

/** Listens on `port` (0: any free one) and gives the port it got. */
export function listenOn(server: http.Server, port: number, host = "0.0.0.0"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

/**
 * Graceful: stop accepting, let requests in flight finish (idle keep-alive connections are closed at once, busy ones
 * after their response). The caller closes what the requests used after this.
 */
export async function closeGracefully(server: http.Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Connections that finish their last answer become idle: close them as they do.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  await closed.finally(() => clearInterval(sweep));
}
