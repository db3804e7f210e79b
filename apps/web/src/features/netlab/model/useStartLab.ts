import type { ConditionsSettings, SocketInfo } from '@playground/protocol';
import type { BridgeApi } from '../../../bridge/client.ts';
import { useBridge, usePlayground } from '../../../bridge/context.tsx';
import { socketKey } from '../../../store/state.ts';
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

/**
 * Starts a lab's run in the current session, through the network the conditions form has set.
 * Every socket the run opens is marked as the lab's own.
 */
export function useStartLab(): (lab: Lab) => void {
  const bridge = useBridge();
  const upsertSocket = usePlayground((s) => s.upsertSocket);
  const epoch = usePlayground((s) => s.epoch);
  const settings = useNetLab((s) => s.settings);
  const seed = useNetLab((s) => s.seed);
  const markLab = useNetLab((s) => s.markLab);
  const upsert = (info: SocketInfo) => {
    markLab(socketKey(epoch, info.id));
    upsertSocket(info);
  };
  return (lab) => void lab.start(bridge, upsert, epoch, settings, seed);
}
