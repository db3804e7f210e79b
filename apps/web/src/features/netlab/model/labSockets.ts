import type { ReplyResult, SocketInfo } from '@playground/protocol';
import type { BridgeApi } from '../../../bridge/client.ts';
import { BridgeRequestError, type CommandBody } from '../../../bridge/client.ts';
import type { ErrorCodeInfo } from '../../../store/state.ts';

/** The error of a failed command, in the shape the page shows everywhere. */
export function errorInfo(caught: unknown): ErrorCodeInfo {
  return caught instanceof BridgeRequestError ? caught.info : { code: 'internal', message: String(caught) };
}

/**
 * The sockets one lab run opened, so the next run (or Reset) can close them. Each command's socket
 * is also handed to the main store, so the Sockets page shows every one of them.
 */
export class LabSockets {
  readonly #ids: string[] = [];

  constructor(
    private readonly bridge: BridgeApi,
    private readonly upsert: (info: SocketInfo) => void,
  ) {}

  async open(command: CommandBody, timeoutMs?: number): Promise<SocketInfo> {
    const result: ReplyResult = await this.bridge.send(command, timeoutMs === undefined ? {} : { timeoutMs });
    const socket = result.socket;
    if (!socket) throw new Error(`${command.type} returned no socket`);
    this.#ids.push(socket.id);
    this.upsert(socket);
    return socket;
  }

  /** Newest first: clients before relays before servers. Already-closed sockets are fine. */
  async closeAll(): Promise<void> {
    const ids = this.#ids.splice(0).reverse();
    for (const id of ids) {
      try {
        await this.bridge.send({ type: 'socket.close', socketId: id });
      } catch {
        // Closed already, or a previous session's socket: nothing to do.
      }
    }
  }
}

/** Resolves when `condition` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Base64 from the wire as text (the lab's messages are ASCII). */
export function base64Text(data: string): string {
  try {
    return atob(data);
  } catch {
    return '';
  }
}
