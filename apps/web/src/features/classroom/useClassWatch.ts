import { useEffect } from 'react';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import { useClassStore } from './model/classStore.ts';

/** The teacher's page asks for the roster on every (re)connection, and keeps its spotlight on. */
export function useClassWatch(): void {
  const bridge = useBridge();
  const classroom = useClassStore();
  const sessionId = usePlayground((s) => (s.connection.status === 'connected' ? s.connection.sessionId : null));
  useEffect(() => {
    if (!sessionId) return;
    void bridge.send({ type: 'class.watch' }).catch(() => {});
    const spotlight = classroom.getState().spotlight;
    if (spotlight) void bridge.send({ type: 'class.spotlight', studentId: spotlight.studentId }).catch(() => {});
  }, [bridge, classroom, sessionId]);
}
