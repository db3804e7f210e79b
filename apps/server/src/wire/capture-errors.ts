import type { WireState } from '@playground/protocol';

export interface CaptureProblem {
  state: Extract<WireState, 'unavailable' | 'not-permitted' | 'failed'>;
  reason: string;
}

/** tcpdump's words for a capture the system refused: Linux (socket: Operation not permitted), BSD (/dev/bpf: Permission denied). */
const NOT_PERMITTED = /permission|not permitted|operation not permitted|EPERM|EACCES/i;
const NO_DEVICE = /no such device|doesn't exist|not found|no suitable device|no interfaces/i;

/** Why a capture tool stopped before (or instead of) capturing, from its exit and its own stderr. */
export function classifyCaptureExit(stderr: string, spawnError: NodeJS.ErrnoException | undefined): CaptureProblem {
  if (spawnError?.code === 'ENOENT') {
    return {
      state: 'unavailable',
      reason: 'Neither tcpdump nor Wireshark’s dumpcap is installed on the computer running the playground.',
    };
  }
  if (spawnError?.code === 'EACCES') {
    return { state: 'not-permitted', reason: `The capture tool may not be run by this user (${spawnError.message}).` };
  }
  const words = stderr.trim().split('\n').slice(0, 3).join(' ').slice(0, 500);
  if (NOT_PERMITTED.test(stderr)) return { state: 'not-permitted', reason: words };
  if (NO_DEVICE.test(stderr)) return { state: 'unavailable', reason: words };
  return { state: 'failed', reason: words || (spawnError?.message ?? 'The capture tool stopped without saying why.') };
}
