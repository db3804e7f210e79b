import { lookup } from 'node:dns/promises';
import { BridgeError } from '../errors/bridge-error.ts';

/** RFC 1123 host names: labels of letters, digits and inner hyphens. Anything else never reaches the resolver. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** A resolver that does not answer is given up on, so a command never hangs on DNS. */
const RESOLVE_TIMEOUT_MS = 5000;

/**
 * Resolves a name to one address, once. The caller checks that address and connects to exactly
 * it, so a name that re-resolves to something else (DNS rebinding) changes nothing.
 */
export async function resolveOnce(host: string): Promise<string> {
  if (!HOST_NAME.test(host)) {
    throw new BridgeError('bad_command.notHost', { host: host.slice(0, 253) });
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), RESOLVE_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([lookup(host), timeout])).address;
  } catch {
    throw new BridgeError('ENOTFOUND', { host });
  } finally {
    clearTimeout(timer);
  }
}
