import type { CommandOf, ReplyResult } from '@playground/protocol';
import type { DispatchContext } from './dispatch-context.ts';

export type ProgramCommand = CommandOf<'socket.recv' | 'socket.accept' | 'socket.select'>;

/**
 * The blocking calls of a program in the page (Python, docs/python.md) on its `manual` sockets.
 * Each waits at most MAX_WAIT_MS and counts as a pending command, so a session holds a bounded
 * number of them; the bytes a recv returns went through the session's rate quota like any read.
 */
export async function dispatchProgram(command: ProgramCommand, { engine }: DispatchContext): Promise<ReplyResult> {
  switch (command.type) {
    case 'socket.recv': {
      const got = await engine.recv(command.socketId, command.max, command.timeoutMs);
      const received: NonNullable<ReplyResult['received']> = {
        data: Buffer.from(got.data.buffer, got.data.byteOffset, got.data.byteLength).toString('base64'),
        size: got.data.byteLength,
      };
      if ('from' in got) Object.assign(received, { from: got.from, lost: got.lost });
      return { received };
    }
    case 'socket.accept':
      return { socket: await engine.accept(command.socketId, command.timeoutMs) };
    case 'socket.select':
      return { ready: await engine.select(command.read, command.timeoutMs) };
  }
}
