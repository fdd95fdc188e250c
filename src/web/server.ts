import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

/*
 * The HTTP server for the app, with its connection timeouts set for a rush.
 *
 * Node closes a keep-alive connection 5 s after its last answer. When the event loop is
 * busy for longer than that (the embedded database runs in it), the timer and the
 * client's next request are both due when it wakes; the timer goes first, and the client
 * sees ECONNRESET for a request it had already sent (bench/rush.ts saw 220 of 1,200).
 * Idle connections are cheap; keep them for a minute, longer than a reverse proxy does,
 * so the proxy, not the app, decides when one ends.
 */
export const KEEP_ALIVE_MS = 65_000;

export function serveApp(
  fetch: (request: Request) => Response | Promise<Response>,
  opts: { port: number; hostname: string },
  onListen?: (info: AddressInfo) => void,
): Server {
  const server = serve({ fetch, port: opts.port, hostname: opts.hostname }, onListen) as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or a request arriving late on a kept connection is cut.
  server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  return server;
}
