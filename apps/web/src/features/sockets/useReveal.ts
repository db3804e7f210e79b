import { type RefObject, useEffect, useState } from 'react';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketKey } from '../../store/state.ts';

/** How long a new card stays highlighted. */
const HIGHLIGHT_MS = 2000;

/** This card's own main action (Send, Connect here), not one of the cards nested in it. */
function mainAction(card: HTMLElement): HTMLElement | null {
  for (const el of card.querySelectorAll<HTMLElement>('[data-main-action]')) {
    if (el.closest('[data-testid="socket-card"]') === card && !el.matches(':disabled')) return el;
  }
  return card.querySelector<HTMLElement>('.socket-card__title');
}

/** The box the card scrolls in: its pane, or the window when the page is one scrolling column. */
function scrollportHeight(card: HTMLElement): number {
  const pane = card.closest<HTMLElement>('.panel__body');
  return pane && pane.scrollHeight > pane.clientHeight ? pane.clientHeight : window.innerHeight;
}

/**
 * When the learner has just created this socket: scroll its card into view (inside its pane, or the
 * page in one column), highlight it for a moment, and move focus to its main action, so focus
 * follows the work instead of staying on a form (or falling to the page). A card taller than its
 * pane is scrolled to its main action. A client's Send is enabled once it is connected (`ready`):
 * until then focus waits on the card's title. Returns whether the card is highlighted.
 */
export function useReveal(key: SocketKey, card: RefObject<HTMLElement | null>, ready: boolean): boolean {
  const nonce = usePlayground((s) => (s.revealed?.key === key ? s.revealed.nonce : null));
  const [highlighted, setHighlighted] = useState(false);
  useEffect(() => {
    const el = card.current;
    if (nonce === null || !el) return;
    const behavior = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    const action = mainAction(el);
    const fits = el.getBoundingClientRect().height <= scrollportHeight(el);
    (fits || !action ? el : action).scrollIntoView?.({ block: fits ? 'nearest' : 'center', behavior });
    action?.focus({ preventScroll: true });
    setHighlighted(true);
  }, [nonce, card]);
  useEffect(() => {
    const el = card.current;
    if (nonce === null || !ready || !el) return;
    if (document.activeElement === el.querySelector('.socket-card__title')) mainAction(el)?.focus();
  }, [nonce, ready, card]);
  useEffect(() => {
    if (!highlighted) return;
    const timer = setTimeout(() => setHighlighted(false), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);
  return highlighted;
}

/**
 * A closed socket's action buttons go away; if focus was on one, it would fall to the page. It moves
 * to the card's title instead, so the keyboard stays where the learner was.
 */
export function useKeepFocus(card: RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    const el = card.current;
    if (!el || open) return;
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    if (el.dataset.hadFocus) el.querySelector<HTMLElement>('.socket-card__title')?.focus({ preventScroll: true });
  }, [card, open]);
}
