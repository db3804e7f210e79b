import { useEffect } from 'react';
import { useBridge } from '../../bridge/context.tsx';
import { useCompareStore } from '../compare/model/compareRun.ts';
import { useSensorStore } from '../sensor/model/sensorRun.ts';
import { useNetLabStore } from './model/labStore.ts';

const APPLY_AFTER_MS = 150;

/**
 * Changing the lab's conditions while a comparison or a sensor stream runs changes them in the
 * running relays too (conditions.update), a moment after the learner stops dragging.
 */
export function useLiveConditions(): void {
  const bridge = useBridge();
  const netLab = useNetLabStore();
  const compare = useCompareStore();
  const sensor = useSensorStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = netLab.subscribe((state, previous) => {
      if (state.settings === previous.settings) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const settings = netLab.getState().settings;
        for (const socketId of [...compare.getState().activeRelays(), ...sensor.getState().activeRelays()]) {
          bridge.send({ type: 'conditions.update', socketId, settings }).catch(() => {
            // The relay closed meanwhile: nothing left to change.
          });
        }
      }, APPLY_AFTER_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [bridge, netLab, compare, sensor]);
}
