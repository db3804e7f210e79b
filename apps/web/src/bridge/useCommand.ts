import type { ReplyResult } from '@playground/protocol';
import { useCallback, useState } from 'react';
import type { ErrorCodeInfo } from '../store/state.ts';
import { BridgeRequestError, type CommandBody } from './client.ts';
import { useBridge, usePlayground } from './context.tsx';

export interface CommandRunner {
  /** Sends the command; resolves to the result, or to null after showing the error. */
  run(command: CommandBody, options?: { timeoutMs?: number }): Promise<ReplyResult | null>;
  pending: boolean;
  error: ErrorCodeInfo | null;
  clearError(): void;
}

/** Runs commands for one control: its own pending flag and error, plus the shared alert region. */
export function useCommand(): CommandRunner {
  const bridge = useBridge();
  const upsertSocket = usePlayground((s) => s.upsertSocket);
  const pushAlert = usePlayground((s) => s.pushAlert);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorCodeInfo | null>(null);

  const run = useCallback(
    async (command: CommandBody, options?: { timeoutMs?: number }) => {
      setPending(true);
      setError(null);
      try {
        const result = await bridge.send(command, options);
        if (result.socket) upsertSocket(result.socket);
        return result;
      } catch (caught) {
        const info: ErrorCodeInfo =
          caught instanceof BridgeRequestError ? caught.info : { code: 'internal', message: String(caught) };
        setError(info);
        pushAlert(info);
        return null;
      } finally {
        setPending(false);
      }
    },
    [bridge, upsertSocket, pushAlert],
  );

  return { run, pending, error, clearError: useCallback(() => setError(null), []) };
}
