import type { KernelWatchScope } from '@playground/protocol';
import { useEffect } from 'react';
import { useBridge, usePlayground } from '../../bridge/context.tsx';

/**
 * Asks the bridge to poll the kernel's table while the calling view is mounted (and connected), and
 * to stop when it unmounts: the OS view costs nothing while it is closed.
 */
export function useKernelWatch(scope: KernelWatchScope, intervalMs: number): void {
  const bridge = useBridge();
  const epoch = usePlayground((s) => s.epoch);
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const setWatching = usePlayground((s) => s.setKernelWatching);

  useEffect(() => {
    if (!connected || epoch === 0) return;
    setWatching(true);
    // A failure (e.g. the bridge dropped) needs no alert: the view says it is waiting, and a new session re-watches.
    bridge.send({ type: 'kernel.watch', intervalMs, scope }).catch(() => {});
    return () => {
      setWatching(false);
      bridge.send({ type: 'kernel.unwatch' }).catch(() => {});
    };
  }, [bridge, connected, epoch, scope, intervalMs, setWatching]);
}
