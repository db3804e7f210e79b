import { NOTHING_FILTER } from './bpf-filter.ts';
import { classifyCaptureExit } from './capture-errors.ts';
import { CaptureProcess } from './capture-process.ts';
import { captureArgs, findCaptureTool, loopbackInterface } from './capture-tool.ts';

const PROBE_TIMEOUT_MS = 5000;

/**
 * Whether this machine lets the playground capture on loopback: undefined when it does, else why
 * not (in tcpdump's words). Tests skip with it; the bridge itself finds out when a page watches.
 */
export async function captureProblem(tool = 'tcpdump'): Promise<string | undefined> {
  const iface = loopbackInterface(process.platform);
  if (!iface) return `no known loopback interface on ${process.platform}`;
  const path = await findCaptureTool(tool);
  if (!path) return `${tool} is not installed`;
  return new Promise((resolve) => {
    const probe = new CaptureProcess(path, captureArgs(path, iface, 96, NOTHING_FILTER), {
      onReady: () => {
        clearTimeout(timer);
        void probe.stop().then(() => resolve(undefined));
      },
      onRecords: () => {},
      onExit: ({ expected, stderr, spawnError }) => {
        clearTimeout(timer);
        if (!expected) resolve(classifyCaptureExit(stderr, spawnError).reason);
      },
    });
    const timer = setTimeout(() => {
      void probe.stop();
      resolve(`${tool} did not start capturing within ${PROBE_TIMEOUT_MS / 1000} s`);
    }, PROBE_TIMEOUT_MS);
  });
}
