import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Banners } from '../src/app/Banners.tsx';
import { connectedStore, renderWithPlayground, welcome } from './support/render.tsx';

describe('the banners when the bridge stops', () => {
  it('say one thing: the sockets close; not also that they stay open for 30 s', () => {
    const store = connectedStore();
    store.getState().receiveWelcome({ ...welcome, resumeGraceMs: 30_000 });
    renderWithPlayground(<Banners />, { store });
    act(() => {
      store.getState().receiveNotice({ type: 'notice', code: 'shutdown', message: 'The bridge is shutting down.' });
      store.getState().receiveStatus({ status: 'reconnecting', retryAt: Date.now() + 1000 });
    });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent ?? '');
    expect(alerts.join(' ')).toMatch(/all sockets close/);
    expect(screen.queryByTestId('session-kept')).toBeNull();
    expect(document.body).not.toHaveTextContent(/stay open/);
  });

  it('a plain network drop still says the sockets stay open while the page reconnects', () => {
    const store = connectedStore();
    store.getState().receiveWelcome({ ...welcome, resumeGraceMs: 30_000 });
    renderWithPlayground(<Banners />, { store });
    act(() => store.getState().receiveStatus({ status: 'reconnecting', retryAt: Date.now() + 1000 }));
    expect(screen.getByTestId('session-kept')).toHaveTextContent('Your sockets stay open for 30 s');
  });
});
