import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux that matters here). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by the processes named `name` whose parent is `ppid`:
 * e.g. the tcpdump a bridge runs, whose work is outside the bridge's own process. Linux only; 0
 * elsewhere, where /proc does not exist.
 */
export function childCpuSeconds(ppid: number, name: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // `pid (comm) state ppid … utime stime …`: comm may hold spaces, so fields count from its ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    if (comm !== name || Number(fields[1]) !== ppid) continue;
    total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  }
  return total;
}
