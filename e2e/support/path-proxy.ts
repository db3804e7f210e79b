import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';

/** A reverse proxy serving a bridge under a path, and every path the page asked it for. */
export interface PathProxy {
  url: string;
  /** Paths requested outside the prefix (answered 404): a page that works under a path asks none. */
  strays: string[];
  close(): Promise<void>;
}

/**
 * What `location /class-3b/ { proxy_pass http://127.0.0.1:PORT/; }` does in nginx, in a few lines:
 * `/class-3b` is redirected to `/class-3b/`, the prefix is stripped from requests and WebSocket
 * upgrades, Host is passed on as the browser sent it, and X-Forwarded-For names the browser.
 */
export async function startPathProxy(prefix: string, target: number): Promise<PathProxy> {
  const strays: string[] = [];
  const strip = (url: string | undefined): string | undefined =>
    url?.startsWith(`${prefix}/`) ? url.slice(prefix.length) : undefined;
  const forwarded = (headers: Record<string, unknown>, remote: string | undefined) => ({
    ...headers,
    'x-forwarded-for': remote ?? '',
  });
  const server: Server = createServer((req, res) => {
    if (req.url === prefix) return void res.writeHead(301, { location: `${prefix}/` }).end();
    const path = strip(req.url);
    if (path === undefined) {
      strays.push(req.url ?? '');
      return void res.writeHead(404).end();
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target,
        path,
        method: req.method,
        headers: forwarded(req.headers, req.socket.remoteAddress),
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const path = strip(req.url);
    if (path === undefined) {
      strays.push(req.url ?? '');
      return void socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    }
    const upstream = connect(target, '127.0.0.1', () => {
      const headers = forwarded(req.headers, req.socket.remoteAddress);
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
      upstream.write(`${req.method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const drop = (): void => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', drop);
    socket.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}/`,
    strays,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
