import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HttpError, PROTOCOL_VERSION } from '@playground/protocol';
import type { HostCheck } from './host-check.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * `GET /api/health`, answered before anything else loads: Docker's HEALTHCHECK and a Kubernetes
 * probe ask every few seconds, and must not make an idle class's instance load the page's routes,
 * the WebSocket bridge and the engine. Behind the same Host check and headers as every answer.
 * Returns false for any other request.
 */
export function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  hosts: HostCheck,
  sessions: () => number,
): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/api/health' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  securityHeaders(hosts)(req, res, () => {});
  const allowed = hosts.allows(req.headers.host);
  const body = allowed
    ? { ok: true, protocolVersion: PROTOCOL_VERSION, sessions: sessions(), uptimeS: Math.round(process.uptime()) }
    : ({ error: 'Host not allowed' } satisfies HttpError);
  const json = JSON.stringify(body);
  res.writeHead(allowed ? 200 : 403, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : json);
  return true;
}
