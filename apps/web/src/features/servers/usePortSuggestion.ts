import { useEffect, useState } from 'react';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import type { Protocol } from '../../ui/form/ProtocolPicker.tsx';

/** The form's proposal: `port` is free; `wanted` (the seed's port) was taken when it differs. */
export interface PortSuggestion {
  wanted: number;
  port: number;
}

/**
 * Asks the bridge where a new server could listen, starting from `wanted` (the seed's 65432): again
 * whenever the protocol or host changes and whenever one of the page's own servers starts or
 * stops. Off (null) while `enabled` is false: a port the learner typed, or a class, where port 0
 * lets the OS choose.
 */
export function usePortSuggestion(protocol: Protocol, host: string, wanted: number, enabled: boolean) {
  const bridge = useBridge();
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const epoch = usePlayground((s) => s.epoch);
  // A string, so the effect runs only when the set of listening servers changes.
  const listening = usePlayground((s) =>
    s.order
      .filter((k) => {
        const e = s.sockets[k];
        return e?.epoch === s.epoch && (e.state === 'listening' || (e.info.kind === 'udp' && e.state === 'bound'));
      })
      .join(','),
  );
  const [suggestion, setSuggestion] = useState<PortSuggestion | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `listening` and `epoch` are triggers: servers came or went.
  useEffect(() => {
    if (!enabled || !connected) return;
    let current = true;
    bridge
      .send({ type: 'port.suggest', transport: protocol, host, port: wanted })
      .then((result) => {
        if (current && result.port !== undefined) setSuggestion({ wanted, port: result.port });
      })
      // An older bridge, or a host it refuses: the form keeps its own port and Start says what is wrong.
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [bridge, connected, enabled, protocol, host, wanted, listening, epoch]);

  return enabled ? suggestion : null;
}
