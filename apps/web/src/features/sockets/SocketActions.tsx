import { reachableHost } from '@playground/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { FormError } from '../../ui/form/FormError.tsx';

type Action = 'end' | 'close' | 'reset' | 'stop' | 'closeAll';

const COMMAND: Record<Action, 'tcp.end' | 'socket.close' | 'tcp.reset' | 'server.stopListening'> = {
  end: 'tcp.end',
  close: 'socket.close',
  reset: 'tcp.reset',
  // Stop listening keeps the accepted connections; close all ends them too.
  stop: 'server.stopListening',
  closeAll: 'socket.close',
};

function actionsFor(entry: SocketEntry): Action[] {
  switch (entry.info.kind) {
    case 'tcp-server':
      return ['stop', 'closeAll'];
    case 'udp':
      return ['close'];
    default:
      return ['end', 'close', 'reset'];
  }
}

/** Lifecycle buttons of one socket; a failure is explained right under them. */
export function SocketActions(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const { entry } = props;
  const command = useCommand();
  const [failed, setFailed] = useState<Action | null>(null);
  const prefillClient = usePlayground((s) => s.prefillClient);

  const run = (action: Action) => {
    setFailed(action);
    void command.run({ type: COMMAND[action], socketId: entry.info.id });
  };

  const { local, kind, behaviour } = entry.info;
  const isServer = kind === 'tcp-server' || (kind === 'udp' && behaviour === 'echo');
  return (
    <div className="socket-actions">
      <div className="button-row">
        {actionsFor(entry).map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${action === 'reset' ? 'button--danger' : ''}`}
            title={t(`sockets.actionHints.${action}`)}
            disabled={
              (action === 'end' && entry.finSent) ||
              // A connection that was reset can only be closed.
              (entry.state === 'reset' && action !== 'close')
            }
            aria-disabled={command.pending || undefined}
            onClick={() => !command.pending && run(action)}
          >
            {t(`sockets.actions.${action}`)}
          </button>
        ))}
        {isServer && local && (
          <button
            type="button"
            className="button"
            data-main-action
            onClick={() =>
              prefillClient({
                protocol: kind === 'udp' ? 'udp' : 'tcp',
                host: reachableHost(local.address),
                port: local.port,
              })
            }
          >
            {t('sockets.actions.connectHere')}
          </button>
        )}
      </div>
      <FormError error={command.error} action={failed ? t(`sockets.actions.${failed}`) : undefined} />
    </div>
  );
}
