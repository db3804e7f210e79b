import type { TraceCodeInfo } from '@playground/protocol';
import { useCallback, useEffect, useState } from 'react';
import { BridgeRequestError } from '../../bridge/client.ts';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import type { ErrorCodeInfo } from '../../store/state.ts';

/**
 * This page's attach code (`trace.code`): asked after each welcome (a new session has a new code),
 * and again on `renew`. Failing to get one is shown in the box, not as an alert: it only matters
 * to someone about to trace a program.
 */
export function useTraceCode(): {
  code: TraceCodeInfo | null;
  error: ErrorCodeInfo | null;
  renew(): void;
} {
  const bridge = useBridge();
  const sessionId = usePlayground((s) => s.connection.sessionId);
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const [code, setCode] = useState<TraceCodeInfo | null>(null);
  const [error, setError] = useState<ErrorCodeInfo | null>(null);

  const ask = useCallback(
    (renew: boolean) => {
      bridge.send({ type: 'trace.code', renew }).then(
        (result) => {
          setError(null);
          setCode(result.trace ?? null);
        },
        (caught: unknown) =>
          setError(caught instanceof BridgeRequestError ? caught.info : { code: 'internal', message: String(caught) }),
      );
    },
    [bridge],
  );

  useEffect(() => {
    setCode(null);
    if (connected && sessionId) ask(false);
  }, [connected, sessionId, ask]);

  return { code, error, renew: useCallback(() => ask(true), [ask]) };
}
