import { isIP } from 'node:net';
import { readBridgeFile } from './runtime-file.ts';

/**
 * What attaches this run to a page: the code the page shows (`--code`, or SOCKET_PLAYGROUND_CODE),
 * or — for the playground on this computer in local mode — the token it left in its runtime file.
 */
export function credentialFor(url: string, code: string | undefined): { code: string } | { token: string } | string {
  if (code) return { code };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not an address like http://127.0.0.1:4780/.`;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const file = local ? readBridgeFile(port) : undefined;
  if (file) return { token: file.token };
  return local
    ? `No playground of yours is running on port ${port} of this computer. Start it (pnpm start), or copy the command from the page's "Attach a program" box (it has a code).`
    : `A playground on another computer needs the code its page shows: add --code CODE (see "Attach a program" on the page).`;
}
