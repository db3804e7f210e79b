import type { TFunction } from 'i18next';
import { forwardRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flow, FlowArrow, FlowLabel, FlowMark, Lane, PieceRef, Tone } from './buildFlow.ts';

/** Drawn with attributes, not CSS, so an exported SVG or PNG looks exactly like the page. */
export const FLOW_LAYOUT = {
  width: 700,
  top: 92,
  rowHeight: 32,
  bottom: 28,
  timeX: 92,
  lanes: { client: 228, server: 534 } as Record<Lane, number>,
};

const COLOURS: Record<Tone, string> = {
  handshake: '#0f1b33',
  send: '#1d4ed8',
  recv: '#0b6b35',
  fin: '#8f4400',
  rst: '#7b2d91',
  error: '#b42318',
  life: '#3d4859',
  wire: '#5b6b82',
};
const FONT = 'DejaVu Sans, Noto Sans, Segoe UI, Roboto, sans-serif';
const MONO = 'DejaVu Sans Mono, Menlo, Consolas, monospace';
const SELECTED = '#c026d3';

export interface LaneTitle {
  name: string;
  address: string;
  outside: boolean;
}

export interface FlowDiagramProps {
  flow: Flow;
  /** Each row's time as the log shows it (same origin, same digits), and the time column's title. */
  times: readonly string[];
  timeTitle: string;
  title: string;
  lanes: Record<Lane, LaneTitle>;
  selected: { key: string | null; seq: number | null };
  onSelect(piece: PieceRef): void;
}

/** Advance of one character of the monospace time labels (12.5 px) and of the column title (13 px). */
const TIME_CHAR = 7.6;
const TITLE_CHAR = 7.9;

const y = (row: number) => FLOW_LAYOUT.top + row * FLOW_LAYOUT.rowHeight;

export function labelText(t: TFunction, label: FlowLabel): string {
  switch (label.text) {
    case 'write':
      return t('flow.write', { no: label.no, size: label.size });
    case 'read':
      return t('flow.read', { no: label.no, size: label.size });
    case 'call':
      return label.line === undefined
        ? t('flow.call', { fn: label.fn, size: label.size })
        : t('flow.callAt', { fn: label.fn, line: label.line, size: label.size });
    case 'inbound':
      return t('flow.inbound', { size: label.size });
    case 'error':
      return t('flow.error', { code: label.code });
    case 'segment':
      return label.length > 0
        ? t('flow.segment', { flags: label.flags, length: label.length })
        : t('flow.segmentBare', { flags: label.flags });
    default:
      return t(`flow.${label.text}`);
  }
}

/** The sequence diagram: client lane left, server lane right, time going down, one row per step. */
export const FlowDiagram = forwardRef<SVGSVGElement, FlowDiagramProps>(function FlowDiagram(props, ref) {
  const { t } = useTranslation();
  const { flow, lanes } = props;
  const { timeX } = FLOW_LAYOUT;
  // The time column widens for long times (a long session, a signed difference) rather than cut them.
  const widest = Math.max(props.timeTitle.length * TITLE_CHAR, ...props.times.map((s) => s.length * TIME_CHAR));
  const shift = Math.max(0, Math.ceil(widest) + 10 - timeX);
  const width = FLOW_LAYOUT.width + shift;
  const height = y(Math.max(flow.rows.length, 1)) + FLOW_LAYOUT.bottom;
  const isSelected = (piece?: PieceRef) =>
    piece !== undefined && props.selected.key === piece.key && props.selected.seq === piece.seq;

  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      // Long times widen the diagram to the left: what is drawn keeps its coordinates.
      viewBox={`${-shift} 0 ${width} ${height}`}
      className="flow__svg"
      aria-label={props.title}
      data-testid="flow-svg"
      fontFamily={FONT}
    >
      <title>{props.title}</title>
      <defs>
        {(Object.keys(COLOURS) as Tone[]).map((tone) => (
          <marker
            key={tone}
            id={`flow-head-${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={COLOURS[tone]} />
          </marker>
        ))}
        <marker
          id="flow-head-selected"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="4"
          markerHeight="4"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={SELECTED} />
        </marker>
      </defs>
      <rect x={-shift} y="0" width={width} height={height} fill="#ffffff" />
      <text x={timeX} y={FLOW_LAYOUT.top - 18} fontSize="13" fill="#3d4859" textAnchor="end" fontFamily={MONO}>
        {props.timeTitle}
      </text>
      {(['client', 'server'] as Lane[]).map((lane) => (
        <LaneHeader key={lane} lane={lane} title={lanes[lane]} height={height} />
      ))}
      {flow.rows.map((_row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder.
        <g key={i}>
          <line x1={timeX + 8} x2={FLOW_LAYOUT.width - 12} y1={y(i)} y2={y(i)} stroke="#eef1f5" strokeWidth="1" />
          <text x={timeX} y={y(i) + 4.5} fontSize="12.5" fill="#3d4859" textAnchor="end" fontFamily={MONO}>
            {props.times[i]}
          </text>
        </g>
      ))}
      {flow.arrows.map((arrow) => (
        <Arrow
          key={arrow.id}
          arrow={arrow}
          text={labelText(t, arrow.label)}
          selected={isSelected(arrow.piece)}
          onSelect={props.onSelect}
        />
      ))}
      {flow.marks.map((mark) => (
        <Mark
          key={mark.id}
          mark={mark}
          text={labelText(t, mark.label)}
          selected={isSelected(mark.piece)}
          onSelect={props.onSelect}
        />
      ))}
    </svg>
  );
});

function LaneHeader(props: { lane: Lane; title: LaneTitle; height: number }) {
  const x = FLOW_LAYOUT.lanes[props.lane];
  const { name, address, outside } = props.title;
  const boxWidth = 200;
  return (
    <g data-testid={`flow-lane-${props.lane}`} data-outside={outside || undefined}>
      <line
        x1={x}
        x2={x}
        y1={FLOW_LAYOUT.top - 22}
        y2={props.height - 10}
        stroke={outside ? '#9ca3af' : '#7d8aa0'}
        strokeWidth="2"
        strokeDasharray={outside ? '6 5' : undefined}
      />
      <rect
        x={x - boxWidth / 2}
        y="8"
        width={boxWidth}
        height="52"
        rx="8"
        fill={outside ? '#f4f6f9' : props.lane === 'client' ? '#dce6fd' : '#d5f0f5'}
        stroke={outside ? '#9ca3af' : props.lane === 'client' ? '#1d4ed8' : '#0e7490'}
        strokeWidth="1.5"
        strokeDasharray={outside ? '5 4' : undefined}
      />
      <text x={x} y="30" textAnchor="middle" fontSize="15" fontWeight="700" fill="#0b1220">
        {name}
      </text>
      <text x={x} y="50" textAnchor="middle" fontSize="12.5" fill="#3d4859" fontFamily={MONO}>
        {address}
      </text>
    </g>
  );
}

function activate(event: KeyboardEvent, run: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    run();
  }
}

type StepData = Record<`data-${string}`, string | boolean | undefined>;

/** An arrow or mark of the diagram; it is a button (click or Enter) when it has bytes to open in the inspector. */
function Step(props: {
  piece: PieceRef | undefined;
  text: string;
  selected: boolean;
  onSelect(piece: PieceRef): void;
  data: StepData;
  children: ReactNode;
}) {
  const { piece } = props;
  if (!piece) {
    return (
      <g data-label={props.text} {...props.data}>
        {props.children}
      </g>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it has the role, focus and keys of one.
    <g
      role="button"
      tabIndex={0}
      aria-label={props.text}
      aria-pressed={props.selected}
      className="flow__step"
      data-label={props.text}
      {...props.data}
      onClick={() => props.onSelect(piece)}
      onKeyDown={(e) => activate(e, () => props.onSelect(piece))}
    >
      {props.children}
    </g>
  );
}

function Arrow(props: { arrow: FlowArrow; text: string; selected: boolean; onSelect(piece: PieceRef): void }) {
  const { arrow, selected } = props;
  const x1 = FLOW_LAYOUT.lanes[arrow.from.lane];
  const x2 = FLOW_LAYOUT.lanes[arrow.to.lane];
  const y1 = y(arrow.from.row);
  const y2 = y(arrow.to.row);
  const colour = selected ? SELECTED : COLOURS[arrow.tone];
  // The label sits a third of the way along, near the step that made it (arrows that converge on one
  // read keep their labels apart), nudged above the line.
  // A segment's label sits two thirds along, clear of the label of the write that made it (a third along).
  const along = arrow.tone === 'handshake' ? 0.5 : arrow.tone === 'wire' ? 0.68 : 0.36;
  const mx = x1 + (x2 - x1) * along;
  const my = y1 + (y2 - y1) * along - 6;
  const labelWidth = props.text.length * 8.9 + 14;
  const piece = arrow.piece;
  const body = (
    <>
      {piece && <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" strokeWidth="16" className="flow__hit" />}
      <line
        x1={x1}
        y1={y1}
        x2={x2 + (x2 > x1 ? -2 : 2)}
        y2={y2}
        stroke={colour}
        strokeWidth={selected ? 3.5 : arrow.tone === 'handshake' ? 2.5 : arrow.tone === 'wire' ? 1.5 : 2}
        strokeDasharray={arrow.pending ? '7 5' : arrow.tone === 'wire' ? '3 3' : undefined}
        markerEnd={`url(#flow-head-${selected ? 'selected' : arrow.tone})`}
        markerStart={arrow.tone === 'handshake' ? 'url(#flow-head-handshake)' : undefined}
      />
      <rect
        x={mx - labelWidth / 2}
        y={my - 14}
        width={labelWidth}
        height="19"
        rx="4"
        fill={selected ? '#fae8ff' : '#ffffff'}
        fillOpacity="0.94"
      />
      <text
        x={mx}
        y={my}
        textAnchor="middle"
        fontSize={arrow.tone === 'wire' ? 12.5 : 14}
        fontWeight="600"
        fill={colour}
        fontFamily={arrow.tone === 'wire' ? MONO : undefined}
      >
        {props.text}
      </text>
    </>
  );
  return (
    <Step
      piece={piece}
      text={props.text}
      selected={selected}
      onSelect={props.onSelect}
      data={{ 'data-testid': 'flow-arrow', 'data-tone': arrow.tone, 'data-pending': arrow.pending || undefined }}
    >
      {body}
    </Step>
  );
}

function Mark(props: { mark: FlowMark; text: string; selected: boolean; onSelect(piece: PieceRef): void }) {
  const { mark, selected } = props;
  const x = FLOW_LAYOUT.lanes[mark.lane];
  const cy = y(mark.row);
  const colour = selected ? SELECTED : COLOURS[mark.tone];
  // Client marks read leftwards from the client lane, server marks rightwards: never over the arrows.
  const left = mark.lane === 'client';
  const tx = left ? x - 12 : x + 12;
  const piece = mark.piece;
  const body = (
    <>
      {piece && (
        <rect
          x={left ? tx - props.text.length * 8.6 - 6 : x - 8}
          y={cy - 12}
          width={props.text.length * 8.6 + 20}
          height="24"
          fill="transparent"
          className="flow__hit"
        />
      )}
      <circle cx={x} cy={cy} r={selected ? 6 : 4.5} fill={colour} />
      <text x={tx} y={cy + 5} textAnchor={left ? 'end' : 'start'} fontSize="14" fill={colour} fontWeight="600">
        {props.text}
      </text>
    </>
  );
  return (
    <Step
      piece={piece}
      text={props.text}
      selected={selected}
      onSelect={props.onSelect}
      data={{ 'data-testid': 'flow-mark', 'data-tone': mark.tone, 'data-lane': mark.lane }}
    >
      {body}
    </Step>
  );
}
