import { useEffect } from 'react';
import { useBridge, usePlayground } from '../../bridge/context.tsx';

/**
 * Asks the bridge to capture this session's connections while the wire view is mounted (and
 * connected), and to stop when it unmounts: capturing costs nothing while nobody looks.
 */
export function useWireWatch(): void {
  const bridge = useBridge();
  const epoch = usePlayground((s) => s.epoch);
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const setWatching = usePlayground((s) => s.setWireWatching);

  useEffect(() => {
    if (!connected || epoch === 0) return;
    setWatching(true);
    // A failure needs no alert: the status line says the capture is not running, and a new session watches again.
    bridge.send({ type: 'wire.watch' }).catch(() => {});
    return () => {
      setWatching(false);
      bridge.send({ type: 'wire.unwatch' }).catch(() => {});
    };
  }, [bridge, connected, epoch, setWatching]);
}
