import type { ProgramCall, SocketInfo } from '@playground/protocol';
import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../src/features/flow/buildFlow.ts';
import { describeEvent } from '../src/features/log/describeEvent.ts';
import { SocketList } from '../src/features/sockets/SocketList.tsx';
import { attachCommands } from '../src/features/trace/attachCommand.ts';
import { hintText } from '../src/features/trace/describeCall.ts';
import type { LogEntry } from '../src/store/state.ts';
import { renderWithPlayground, storeWith } from './support/render.tsx';
import { conn, endpoint, server, text, Wire } from './support/wire.ts';

const t = i18next.getFixedT('en');
const program = { traceId: 'p1', pid: 4242, name: 'cliente.py' };
const programClient: SocketInfo = {
  id: 's4',
  kind: 'tcp-client',
  local: endpoint('127.0.0.1', 51234),
  remote: endpoint('127.0.0.1', 65432),
  recvSize: 1024,
  program,
};
const call = (fn: string, args: string, line: number, extra: Partial<ProgramCall> = {}): ProgramCall => ({
  fn,
  args,
  line,
  file: 'cliente.py',
  thread: 'MainThread',
  ...extra,
});

describe('a traced program on the page', () => {
  it('reads each event as the call behind it, and a hint by its line', () => {
    const w = new Wire();
    const recv = { ...w.recv('s4', text('hola mundo, this'), 'tcp-client'), witness: 'program' as const };
    recv.call = call('recv', '1024', 12);
    expect(describeEvent(t, recv).main).toBe('line 12: recv(1024) → 16 bytes');
    const eof = w.event('fin-received', 's4', 'tcp-client', { witness: 'program', call: call('recv', '1024', 14) });
    expect(describeEvent(t, eof).main).toBe("line 14: recv(1024) → b''");
    const refused = w.event('error', 's4', 'tcp-client', {
      error: { code: 'ECONNREFUSED', message: 'refused' },
      call: call('connect', "('127.0.0.1', 5000)", 9, {
        raised: { type: 'ConnectionRefusedError', code: 'ECONNREFUSED', message: '[Errno 111]' },
      }),
    });
    expect(describeEvent(t, refused).main).toBe(
      "line 9: connect(('127.0.0.1', 5000)) ✗ ConnectionRefusedError [ECONNREFUSED]",
    );
    const again = w.event('call', 's4', 'tcp-client', { call: call('recv', '1024', 14, { result: "b''", repeat: 8 }) });
    expect(describeEvent(t, again).main).toBe("line 14: recv(1024) → b'' (×8 in a row)");
    const hint = w.event('hint', 's4', 'tcp-client', {
      hint: { code: 'recv-not-message', line: 12, params: { got: 16, more: 39, asked: 1024, write: 55 } },
    });
    expect(describeEvent(t, hint).main).toBe('Hint (line 12): One recv() is not one message');
    expect(hintText(t, hint.type === 'hint' ? hint.hint : (undefined as never)).long).toContain(
      'one send() of 55 bytes',
    );
  });

  it('says every hint in Spanish too', () => {
    const es = i18next.getFixedT('es');
    const codes = [
      'recv-not-message',
      'recv-after-eof',
      'send-partial',
      'never-closed',
      'privileged-port',
      'connect-refused',
    ] as const;
    for (const code of codes) {
      const params = { got: 1, more: 2, asked: 3, sent: 1, count: 2, gc: 0, port: 81, denied: 1, host: 'h', write: 5 };
      const text = hintText(es, { code, line: 3, params });
      expect(text.short).not.toBe(hintText(t, { code, line: 3, params }).short);
      expect(text.long).not.toMatch(/{{/);
    }
  });

  it('draws a read after the write of its bytes, whichever witness stamped its time first', () => {
    const w = new Wire();
    const message = text('hola');
    // The program's recv (its tracer's time) came out a little before the playground's send (when Node saw it).
    const read = { ...w.recv('s4', message, 'tcp-client'), t: 5, call: call('recv', '1024', 12) };
    const write = { ...w.send('s3', message, 'tcp-conn'), t: 6 };
    const entries: LogEntry[] = [write, read].map((event) => {
      const { data: _data, ...rest } = event as typeof event & { data?: string };
      return { key: `1:${event.socketId}`, event: rest as LogEntry['event'] };
    });
    const flow = buildFlow(entries, { client: '1:s4', server: '1:s3', listener: null, connId: 's3' });
    const [arrow] = flow.arrows;
    expect(arrow?.pending).toBe(false);
    expect(arrow?.to.lane).toBe('client');
    expect(flow.marks[0]?.label).toEqual({ text: 'call', fn: 'recv', line: 12, size: 4 });
  });

  it('shows the program with its pid and its sockets, without buttons, and the hints on them', () => {
    const w = new Wire();
    const store = storeWith([
      w.opened(server),
      w.opened(conn),
      { ...w.opened(programClient), witness: 'program' },
      w.event('hint', 's4', 'tcp-client', {
        witness: 'program',
        hint: { code: 'connect-refused', line: 9, params: { host: '127.0.0.1', port: 5000 } },
      }),
    ]);
    store.getState().receiveProgram({
      type: 'program',
      ...program,
      command: 'python3 cliente.py',
      tracer: 'python',
      status: 'running',
      startedT: 0,
    });
    renderWithPlayground(<SocketList />, { store });
    const card = screen.getByTestId('program-card');
    expect(within(card).getByText('cliente.py')).toBeInTheDocument();
    expect(within(card).getByText('pid 4242')).toBeInTheDocument();
    const socket = within(card).getByTestId('socket-card');
    expect(socket).toHaveAttribute('data-socket-id', 's4');
    expect(within(socket).queryByRole('button', { name: 'Close' })).toBeNull();
    expect(within(socket).getByTestId('program-hint')).toHaveTextContent('Nobody listens on 127.0.0.1:5000');
    // The playground's own sockets stay in their sections.
    expect(screen.getAllByTestId('socket-card').map((c) => c.getAttribute('data-socket-id'))).toEqual([
      's4',
      's1',
      's3',
    ]);
  });

  it('gives the command to type: pnpm trace here, the installed command with the code in a class', () => {
    expect(attachCommands('local', 'http://127.0.0.1:4780/', 'ABCD-2345', 'my_server.py').lines).toEqual([
      { label: 'local', command: 'pnpm trace -- python3 my_server.py' },
      { label: 'installed', command: 'socket-playground trace -- python3 my_server.py' },
    ]);
    expect(attachCommands('lan', 'http://192.168.1.10:4780/', 'ABCD-2345', 'cliente.py').lines).toEqual([
      {
        label: 'lan',
        command: 'npx socket-playground trace --url http://192.168.1.10:4780/ --code ABCD-2345 -- python3 cliente.py',
      },
    ]);
    // Behind a proxy's path, the page's own folder: the tracer's /trace sits beside it.
    expect(attachCommands('lan', 'https://school.example/class-3b/', null, 'cliente.py').lines[0]?.command).toBe(
      'npx socket-playground trace --url https://school.example/class-3b/ -- python3 cliente.py',
    );
  });
});
