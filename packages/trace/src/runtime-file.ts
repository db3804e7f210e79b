import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How `trace` finds the local playground without a code: the bridge, started in local mode, writes
 * its address and page token to a file only this user may read (the way Jupyter publishes its
 * servers), and `trace` reads the one for the port it was pointed at. Other users on the computer
 * cannot read it; web pages cannot read files at all.
 */
export interface BridgeFile {
  url: string;
  port: number;
  token: string;
  pid: number;
}

/** `$SOCKET_PLAYGROUND_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/socket-playground`, else a folder of this user's in the temp dir. */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOCKET_PLAYGROUND_RUNTIME_DIR) return env.SOCKET_PLAYGROUND_RUNTIME_DIR;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'socket-playground');
  const user = process.getuid?.() ?? (env.USERNAME || 'user');
  return join(tmpdir(), `socket-playground-${user}`);
}

export function bridgeFilePath(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return join(runtimeDir(env), `bridge-${port}.json`);
}

/** Writes the file (0600 in a 0700 folder); the returned function removes it when the bridge stops. */
export function writeBridgeFile(info: BridgeFile, env: NodeJS.ProcessEnv = process.env): () => void {
  const dir = runtimeDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!ownedPrivately(dir)) throw new Error(`${dir} is not a private folder of this user`);
  const path = bridgeFilePath(info.port, env);
  writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
  chmodSync(path, 0o600);
  return () => rmSync(path, { force: true });
}

/** The local bridge on `port`, if one published itself and the file is this user's own and private. */
export function readBridgeFile(port: number, env: NodeJS.ProcessEnv = process.env): BridgeFile | undefined {
  const path = bridgeFilePath(port, env);
  try {
    if (!ownedPrivately(runtimeDir(env)) || !ownedPrivately(path)) return undefined;
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<BridgeFile>;
    if (typeof info.token !== 'string' || typeof info.url !== 'string' || info.port !== port) return undefined;
    const pid = Number(info.pid);
    // A bridge that was killed left its file behind: another may have the port now.
    if (!alive(pid)) return undefined;
    return { url: info.url, port, token: info.token, pid };
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Not a symbolic link, this user's, and nobody else may read or write it (where the OS has such modes). */
function ownedPrivately(path: string): boolean {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return false;
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  return stat.uid === uid && (stat.mode & 0o077) === 0;
}
