import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostCheck } from './host-check.ts';

/**
 * The Content-Security-Policy of every response. The built page is one module script and its
 * chunks and style sheets, all from this origin; it talks to `/api/*` and to `/ws` on the same host
 * and port, and draws with data: and blob: images (the QR code, exports). Scripts come from the
 * bridge only, never inline, never eval'd. Styles also allow inline: React, uPlot and layout
 * libraries set style attributes and may add <style> elements, and an inline style cannot run
 * code; with images, fonts and connections held to this origin it cannot send anything away.
 * `ws://HOST` is spelled out because older browsers do not count ws: as 'self'.
 * 'wasm-unsafe-eval' lets the Python panel compile Pyodide's WebAssembly (from this origin); it
 * allows no eval() of JavaScript.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const socket = host ? ` ws://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${socket}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * On every response, the refusals included. The page holds a token that drives real sockets: no
 * other site may frame it (clickjacking), and nothing but its own scripts may run in it. The Host
 * header is repeated in the policy only when it passes the Host check (one of this machine's names).
 * COOP and COEP make the page cross-origin isolated: only then does the browser give it the
 * SharedArrayBuffer on which the Python panel's worker blocks while a socket call is carried out.
 */
export function securityHeaders(
  hosts: HostCheck,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const host = hosts.allows(req.headers.host) ? req.headers.host : undefined;
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(host));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  };
}
