import { useTranslation } from 'react-i18next';
import { ClientForm } from '../features/clients/ClientForm.tsx';
import { Inspector } from '../features/inspector/Inspector.tsx';
import { ChunkDemos } from '../features/lab/ChunkDemos.tsx';
import { ServerForm } from '../features/servers/ServerForm.tsx';
import { SocketList } from '../features/sockets/SocketList.tsx';
import { AttachProgram } from '../features/trace/AttachProgram.tsx';
import { ViewTabs } from '../features/views/ViewTabs.tsx';
import { type Pane, SplitPane } from '../ui/SplitPane.tsx';
import { type LayoutMode, useLayoutMode } from '../ui/shell/layoutMode.ts';
import { usePresentation } from '../ui/shell/presentation.ts';
import { Slot, useMovable } from '../ui/shell/Slot.tsx';
import { SideTabs } from './SideTabs.tsx';
import './workspace.css';

type PaneName = 'forms' | 'sockets' | 'views' | 'inspector';
/** The columns of the split layout hold two panes each. */
type PaneGroup = PaneName | 'left' | 'right';

/**
 * The Sockets page: the forms, the socket cards, the views (log, OS, flow…) and the byte inspector,
 * laid out for the window (see ui/shell/layoutMode.ts). On a wide screen and a split one the panes
 * fill the window and scroll inside themselves, with bars to resize them; on a narrow one they
 * stack in one column that scrolls as a page.
 */
export function Workspace() {
  const { t } = useTranslation();
  const mode = useLayoutMode();
  const presenting = usePresentation();
  const { nodes, portals } = useMovable<PaneName>(
    {
      forms: (
        <aside className="workspace__forms" aria-label={t('app.regions.create')} data-pane="forms">
          <SideTabs>
            <ServerForm />
            <ClientForm />
            <AttachProgram />
            <ChunkDemos />
          </SideTabs>
        </aside>
      ),
      sockets: <SocketList />,
      views: <ViewTabs />,
      inspector: <Inspector />,
    },
    'workspace__slot',
  );
  const pane = (id: PaneName, defaultSize: number, minSize: string): Pane => ({
    id,
    defaultSize,
    minSize,
    children: <Slot node={nodes[id]} className="workspace__pane" />,
  });
  // Each bar says what it sits between: "Resize the forms and the socket cards".
  const label = (a: Pane, b: Pane) =>
    t('app.panes.resize', { before: t(`app.panes.${a.id as PaneGroup}`), after: t(`app.panes.${b.id as PaneGroup}`) });
  const group = (id: string, orientation: 'horizontal' | 'vertical', panes: Pane[]): Pane['children'] => (
    <SplitPane
      id={`${layoutKey(mode, presenting)}-${id}`}
      orientation={orientation}
      panes={panes}
      separatorLabel={label}
    />
  );
  const right: Pane = {
    id: 'right',
    defaultSize: presenting ? 70 : mode === 'wide' ? 50 : 60,
    minSize: '24rem',
    children: group('right', 'vertical', [
      pane('views', presenting ? 50 : 45, '8rem'),
      pane('inspector', presenting ? 50 : 55, '9rem'),
    ]),
  };
  return (
    <div className={`workspace workspace--${mode}`} data-testid="workspace" data-layout={mode}>
      {mode === 'column'
        ? (['forms', 'sockets', 'views', 'inspector'] as const).map((name) => (
            <Slot key={name} node={nodes[name]} className={`workspace__pane workspace__pane--${name}`} />
          ))
        : mode === 'wide'
          ? group('columns', 'horizontal', [pane('forms', 22, '15rem'), pane('sockets', 28, '17rem'), right])
          : group('columns', 'horizontal', [
              {
                id: 'left',
                defaultSize: 100 - right.defaultSize,
                minSize: presenting ? '13rem' : '17rem',
                children: group('left', 'vertical', [pane('forms', 45, '7rem'), pane('sockets', 55, '9rem')]),
              },
              right,
            ])}
      {portals}
    </div>
  );
}

/** Sizes are remembered per layout: a resize on the projector does not squeeze the laptop's view. */
function layoutKey(mode: LayoutMode, presenting: boolean): string {
  return presenting ? `${mode}-present` : mode;
}
