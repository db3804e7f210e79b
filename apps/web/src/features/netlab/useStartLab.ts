import type { ConditionsSettings, SocketInfo } from '@playground/protocol';
import type { BridgeApi } from '../../bridge/client.ts';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import { useNetLab } from './labStore.ts';

/** A lab whose runs open their sockets in the bridge's session, through the lab's network. */
export interface Lab {
  start(
    bridge: BridgeApi,
    upsert: (info: SocketInfo) => void,
    epoch: number,
    settings: ConditionsSettings,
    seed: number,
  ): Promise<void>;
}

/** Starts a lab's run in the current session, through the network the conditions form has set. */
export function useStartLab(): (lab: Lab) => void {
  const bridge = useBridge();
  const upsert = usePlayground((s) => s.upsertSocket);
  const epoch = usePlayground((s) => s.epoch);
  const settings = useNetLab((s) => s.settings);
  const seed = useNetLab((s) => s.seed);
  return (lab) => void lab.start(bridge, upsert, epoch, settings, seed);
}
