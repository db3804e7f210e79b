import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { traceCommand } from '../src/index.ts';

describe('trace as a subcommand of another program (socket-playground trace -- …)', () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it('leaves what follows -- to the program, and sets the exit code when it cannot attach', async () => {
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    const program = new Command('socket-playground').addCommand(traceCommand());
    await program.parseAsync(
      ['trace', '--url', 'http://127.0.0.1:1/', '--code', 'AAAA-BBBB', '--', 'python3', 'x.py', '--url', 'y'],
      { from: 'user' },
    );
    const trace = program.commands[0] as Command;
    expect(trace.args).toEqual(['python3', 'x.py', '--url', 'y']);
    expect(trace.opts()).toMatchObject({ url: 'http://127.0.0.1:1/', code: 'AAAA-BBBB', tracer: 'auto' });
    expect(process.exitCode).toBe(2);
    expect(said.join('')).toContain('No playground answers at http://127.0.0.1:1/');
  });
});
