/**
 * The client address a trusted proxy named for a request (`--trust-proxy`), kept beside the request
 * rather than on it; `remoteOf` reads it before the socket's own peer.
 */
const forwardedClient = new WeakMap<object, string>();

export function forwardedClientOf(req: object): string | undefined {
  return forwardedClient.get(req);
}

export function setForwardedClient(req: object, address: string): void {
  forwardedClient.set(req, address);
}
