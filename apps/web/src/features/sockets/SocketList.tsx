import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketKey } from '../../store/state.ts';
import { type PlaygroundData, type SocketEntry, socketKey } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ScrollBody } from '../../ui/ScrollBody.tsx';
import { ProgramSection } from './ProgramSection.tsx';
import { SocketCard } from './SocketCard.tsx';
import { gatherGroups, SocketGroup } from './SocketGroup.tsx';
import './sockets.css';

type Section = 'servers' | 'clients' | 'udp';
const SECTIONS: Section[] = ['servers', 'clients', 'udp'];

/**
 * Where a socket's card goes; accepted connections sit inside their server's card instead, and a
 * traced program's sockets inside their program's card.
 */
function sectionOf(state: PlaygroundData, entry: SocketEntry): Section | null {
  if (entry.info.program) return null;
  switch (entry.info.kind) {
    case 'tcp-server':
      return 'servers';
    case 'udp':
      return 'udp';
    case 'tcp-client':
      return 'clients';
    case 'tcp-conn': {
      const parent = entry.info.parentId && state.sockets[socketKey(entry.epoch, entry.info.parentId)];
      return parent ? null : 'clients';
    }
    case 'relay':
      // Conditions relays have their own page (Network lab › Conditions); clients show "via conditions".
      return null;
  }
}

export function SocketList() {
  const { t } = useTranslation();
  const count = usePlayground((s) => s.order.length + s.programOrder.length);
  const anyClosed = usePlayground((s) => s.order.some((k) => s.sockets[k]?.state === 'closed'));
  const forgetClosed = usePlayground((s) => s.forgetClosed);

  return (
    <section className="panel sockets" aria-labelledby="sockets-title">
      <div className="panel__header">
        <h2 id="sockets-title">{t('app.regions.sockets')}</h2>
        {anyClosed && (
          <button type="button" className="button button--small" onClick={forgetClosed}>
            {t('sockets.clearClosed')}
          </button>
        )}
      </div>
      <ScrollBody className="sockets__body">
        {count === 0 ? (
          <EmptyState title={t('sockets.empty.title')}>{t('sockets.empty.body')}</EmptyState>
        ) : (
          <>
            <ProgramSection />
            {SECTIONS.map((section) => (
              <SocketSection key={section} section={section} />
            ))}
          </>
        )}
      </ScrollBody>
    </section>
  );
}

function SocketSection(props: { section: Section }) {
  const { t } = useTranslation();
  // The current session's sockets first: those of a dropped session are only there for reference.
  const keys = usePlayground(
    useShallow((s) =>
      s.order
        .filter((k) => sectionOf(s, s.sockets[k] as SocketEntry) === props.section)
        .sort((a, b) => Number(s.sockets[a]?.stale) - Number(s.sockets[b]?.stale)),
    ),
  );
  // The clients of one "Many clients" spawn fold into one card.
  const groups = usePlayground(useShallow((s) => keys.map((k) => s.sockets[k]?.info.group)));
  if (keys.length === 0) return null;
  const items = gatherGroups(keys, (key) => groups[keys.indexOf(key)]);
  return (
    <section className="socket-section" aria-label={t(`sockets.sections.${props.section}`)}>
      <h3 className="socket-section__title">{t(`sockets.sections.${props.section}`)}</h3>
      {items.map((item) =>
        'group' in item ? (
          <SocketGroup key={item.group} group={item.group} keys={item.keys} what="clients" card={card} />
        ) : (
          <SocketCard key={item.key} socketKey={item.key} />
        ),
      )}
    </section>
  );
}

const card = (key: SocketKey) => <SocketCard socketKey={key} />;
