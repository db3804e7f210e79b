import { request } from 'node:http';
import WebSocket from 'ws';

const ANSWER_TIMEOUT_MS = 12_000;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request through node:http, which (unlike fetch) lets a test forge Host, Origin and Sec-Fetch-Site.
 * A bridge's first request loads its core (Express, ws, the schemas), which a busy machine may take
 * several seconds for: the wait is for an answer, not a speed target.
 */
export function httpRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        timeout: ANSWER_TIMEOUT_MS,
        // Another loopback address (127.0.0.2, …) stands in for another computer of the class.
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The HTTP status of a WebSocket upgrade: 101 when it opened (then closed at once), else the refusal. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', reject);
  });
}
