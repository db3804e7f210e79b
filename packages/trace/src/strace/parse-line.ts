/**
 * One line of `strace -f -q -ttt -xx -yy -o FILE`: `PID SECONDS name(args) = result`, split into
 * its parts. A call another thread interrupted is printed in two lines (`<unfinished ...>`, then
 * `<... name resumed>`): `StraceLines` joins them into one.
 */
export type StraceLine =
  | { kind: 'call'; pid: number; seconds: number; name: string; args: string; result: string }
  | { kind: 'exit'; pid: number; seconds: number; code: number | null; signal: string | null };

const HEAD = /^(\d+)\s+(\d+\.\d+)\s+(.*)$/;
const UNFINISHED = /^(\w+)\((.*) <unfinished \.\.\.>$/;
const RESUMED = /^<\.\.\. (\w+) resumed>(.*)$/;
const FINISHED = /^(\w+)\((.*)$/;
const EXITED = /^\+\+\+ exited with (\d+) \+\+\+$/;
const KILLED = /^\+\+\+ killed by (SIG\w+)(?: \(core dumped\))? \+\+\+$/;

/** Splits `args) = result` at the `) = ` that ends the arguments (the last one: strings are escaped). */
function splitResult(rest: string): { args: string; result: string } | undefined {
  const at = rest.lastIndexOf(') = ');
  if (at === -1) return undefined;
  return { args: rest.slice(0, at), result: rest.slice(at + 4) };
}

export class StraceLines {
  /** Calls waiting for their second half, by thread. */
  private readonly pending = new Map<number, { name: string; args: string }>();

  parse(line: string): StraceLine | undefined {
    const head = HEAD.exec(line);
    if (!head) return undefined;
    const pid = Number(head[1]);
    const seconds = Number(head[2]);
    const body = head[3] as string;
    const exited = EXITED.exec(body);
    if (exited) return { kind: 'exit', pid, seconds, code: Number(exited[1]), signal: null };
    const killed = KILLED.exec(body);
    if (killed) return { kind: 'exit', pid, seconds, code: null, signal: killed[1] as string };
    const unfinished = UNFINISHED.exec(body);
    if (unfinished) {
      this.pending.set(pid, { name: unfinished[1] as string, args: unfinished[2] as string });
      return undefined;
    }
    const resumed = RESUMED.exec(body);
    if (resumed) {
      const first = this.pending.get(pid);
      this.pending.delete(pid);
      const split = splitResult(resumed[2] as string);
      if (!first || first.name !== resumed[1] || !split) return undefined;
      const args = (first.args + split.args).replace(/,\s*$/, '');
      return { kind: 'call', pid, seconds, name: first.name, args, result: split.result };
    }
    const finished = FINISHED.exec(body);
    if (!finished) return undefined;
    const split = splitResult(finished[2] as string);
    if (!split) return undefined;
    return { kind: 'call', pid, seconds, name: finished[1] as string, args: split.args, result: split.result };
  }
}
