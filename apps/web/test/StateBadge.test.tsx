import { SocketState } from '@playground/protocol';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StateBadge } from '../src/features/sockets/StateBadge.tsx';

describe('StateBadge', () => {
  it.each([
    ['listening', 'listening'],
    ['established', 'established'],
    ['fin-sent', 'FIN sent'],
    ['fin-received', 'FIN received'],
    ['closed', 'closed'],
  ] as const)('shows %s as “%s”', (state, label) => {
    render(<StateBadge state={state} />);
    expect(screen.getByTestId('state-badge')).toHaveTextContent(label);
  });

  it('explains FIN received the way Python shows it', () => {
    render(<StateBadge state="fin-received" />);
    expect(screen.getByTestId('state-badge')).toHaveAttribute(
      'title',
      "The peer sent FIN: recv() returned b'' (0 bytes). You can still send.",
    );
  });

  it('has a label and an explanation for every protocol state', () => {
    for (const state of SocketState.options) {
      const { unmount } = render(<StateBadge state={state} />);
      const badge = screen.getByTestId('state-badge');
      expect(badge.textContent).not.toContain('states.');
      expect(badge.getAttribute('title')).not.toContain('states.');
      unmount();
    }
  });
});
