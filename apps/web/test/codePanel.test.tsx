import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CodePanel } from '../src/features/code/CodePanel.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, server, Wire } from './support/wire.ts';

function withServer(behaviour: 'none' | 'echo' | 'qotd') {
  const store = connectedStore();
  const wire = new Wire();
  store
    .getState()
    .receiveBatches([
      batch([wire.opened({ ...server, behaviour }), wire.opened(client), wire.opened({ ...conn, behaviour })]),
    ]);
  act(() => store.getState().select('1:s2'));
  return store;
}

describe('the Code tab writes a client for the server it talks to, and says what it will do', () => {
  it('a server that never answers: the client sends and closes, and does not promise an echo', () => {
    renderWithPlayground(<CodePanel />, { store: withServer('none') });
    expect(screen.getByTestId('code-note')).toHaveTextContent(
      'Sends the message and closes: this server never answers, so the script does not wait for a reply.',
    );
    expect(screen.getByTestId('code-note')).not.toHaveTextContent(/echo/);
    expect(screen.getByTestId('code-text').textContent).not.toMatch(/recv\(/);
  });

  it('a quote-of-the-day server: the client sends nothing and reads until the server closes', () => {
    renderWithPlayground(<CodePanel />, { store: withServer('qotd') });
    expect(screen.getByTestId('code-note')).toHaveTextContent(/speaks first/);
    expect(screen.getByTestId('code-text').textContent).not.toMatch(/sendall/);
  });

  it('an echo server: the client reads the echo back', () => {
    renderWithPlayground(<CodePanel />, { store: withServer('echo') });
    expect(screen.getByTestId('code-note')).toHaveTextContent('until all of it has come back: this server echoes it');
  });
});
