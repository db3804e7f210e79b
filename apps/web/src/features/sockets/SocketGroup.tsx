import type { TFunction } from 'i18next';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketKey } from '../../store/state.ts';

/** "group 2" for the bridge's `spawn-2`: the learner's words, not an internal name. */
export function groupName(t: TFunction, group: string): string {
  const n = /(\d+)$/.exec(group)?.[1];
  return n ? t('spawn.groupName', { n }) : group;
}

/**
 * The clients one "Many clients" spawn opened (or the connections a server accepted from them),
 * as one folded card: twenty clients are one line until the learner opens it. Their cards are
 * made only then: twenty hidden cards, each with its controls, would cost the page for nothing.
 * `card` renders one member (a socket card, which itself may hold groups of its connections).
 */
export function SocketGroup(props: {
  group: string;
  keys: SocketKey[];
  what: 'clients' | 'connections';
  card: (key: SocketKey) => ReactNode;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const open = usePlayground((s) => props.keys.filter((k) => s.sockets[k]?.state !== 'closed').length);
  const bytes = usePlayground((s) =>
    props.keys.reduce((n, k) => n + (s.sockets[k]?.counters.bytesIn ?? 0) + (s.sockets[k]?.counters.bytesOut ?? 0), 0),
  );
  return (
    <details
      className="socket-group"
      data-testid="socket-group"
      data-group={props.group}
      data-count={props.keys.length}
      open={expanded}
      onToggle={(event) => setExpanded(event.currentTarget.open)}
    >
      <summary className="socket-group__summary">
        {t(`sockets.group.${props.what}`, {
          name: groupName(t, props.group),
          count: props.keys.length,
          open,
          bytes,
        })}
      </summary>
      {expanded && props.keys.map((key) => <Fragment key={key}>{props.card(key)}</Fragment>)}
    </details>
  );
}

/** Keys in order, each group's keys gathered at its first member: what a list renders, one item each. */
export function gatherGroups(
  keys: readonly SocketKey[],
  groupOf: (key: SocketKey) => string | undefined,
): ({ key: SocketKey } | { group: string; keys: SocketKey[] })[] {
  const items: ({ key: SocketKey } | { group: string; keys: SocketKey[] })[] = [];
  const groups = new Map<string, SocketKey[]>();
  for (const key of keys) {
    const group = groupOf(key);
    if (group === undefined) {
      items.push({ key });
      continue;
    }
    let members = groups.get(group);
    if (!members) {
      members = [];
      groups.set(group, members);
      items.push({ group, keys: members });
    }
    members.push(key);
  }
  // A "group" of one is just a card.
  return items.map((item) => ('group' in item && item.keys.length === 1 ? { key: item.keys[0] as SocketKey } : item));
}
