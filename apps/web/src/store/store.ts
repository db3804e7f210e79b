import type {
  EventBatch,
  FramingConfig,
  KernelSnapshot,
  Notice,
  ProgramMessage,
  SocketInfo,
  Welcome,
  WireBatch,
  WireStatus,
} from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyBatch, applySocketInfo } from './applyBatch.ts';
import { applyStatus, applyWelcome, type StatusChange } from './applyConnection.ts';
import { applyProgram } from './applyProgram.ts';
import { applyKernelSnapshot, setKernelWatching } from './kernelView.ts';
import type { InspectorView, ReceiveFraming, TimeOrigin } from './labSettings.ts';
import {
  type ClientPrefill,
  type Direction,
  type ErrorCodeInfo,
  initialData,
  type PlaygroundData,
  type SocketKey,
} from './state.ts';
import { applyWireBatch, applyWireStatus, clearWire, setWireWatching } from './wireView.ts';

/** Alerts kept on screen at once; older ones are dropped rather than stacking up. */
const MAX_ALERTS = 4;

export interface PlaygroundActions {
  receiveWelcome(welcome: Welcome): void;
  receiveStatus(change: StatusChange): void;
  /** Several `events` messages in one update: one render however many arrived. */
  receiveBatches(batches: EventBatch[]): void;
  receiveNotice(notice: Notice): void;
  /** A traced program attached, ended or stopped being traced. */
  receiveProgram(message: ProgramMessage): void;
  upsertSocket(info: SocketInfo): void;
  /** Selects a socket for the inspector; `pieceSeq` also highlights one recv/send piece. */
  select(key: SocketKey | null, piece?: { direction: Direction; seq: number }): void;
  showDirection(direction: Direction): void;
  pushAlert(error: ErrorCodeInfo): void;
  dismissAlert(id: number): void;
  dismissNotice(notice: Notice): void;
  dismissSessionLost(): void;
  /** Removes closed sockets' cards; their log rows stay. */
  forgetClosed(): void;
  prefillClient(target: Omit<ClientPrefill, 'nonce'>): void;
  /** Brings a just-created socket's card into view, highlighted, with focus on its main action. */
  reveal(key: SocketKey): void;
  /** The byte inspector's view: hex, ribbon, frames or struct. */
  showView(view: InspectorView): void;
  /** What the log's and the flow diagram's times count from. */
  setTimeOrigin(origin: TimeOrigin): void;
  /** How the frames pane and the ribbon cut this socket's bytes into messages. */
  setReceiveFraming(key: SocketKey, framing: ReceiveFraming): void;
  /** The socket sent a message with this framing. */
  noteSentFraming(key: SocketKey, framing: FramingConfig): void;
  receiveKernel(snapshot: KernelSnapshot): void;
  /** The OS view opened (it asked the bridge to poll) or closed. */
  setKernelWatching(watching: boolean): void;
  receiveWireStatus(status: WireStatus): void;
  receiveWireBatch(batch: WireBatch): void;
  /** The wire view opened (it asked the bridge to capture) or closed. */
  setWireWatching(watching: boolean): void;
  /** Picks a captured segment (`epoch:n`), or none: its reads and writes are highlighted. */
  selectSegment(id: string | null): void;
  clearWire(): void;
}

export type PlaygroundState = PlaygroundData & PlaygroundActions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

export function createPlaygroundStore(initial: PlaygroundData = initialData()): PlaygroundStore {
  let nextAlertId = 1;
  let nextNonce = 1;
  return createStore<PlaygroundState>()((set) => ({
    ...initial,
    receiveWelcome: (welcome) =>
      set((s) => {
        const next = applyWelcome(s, welcome);
        // A new bridge session has no watch yet: the view asks again, and nothing "went" in between.
        return { ...next, kernel: { ...next.kernel, previous: null } };
      }),
    receiveStatus: (change) => set((s) => applyStatus(s, change)),
    receiveBatches: (batches) =>
      set((s) => batches.reduce<PlaygroundData>((state, batch) => applyBatch(state, batch), s)),
    receiveNotice: (notice) =>
      set((s) =>
        s.notices.some((n) => n.code === notice.code && n.message === notice.message)
          ? s
          : { notices: [...s.notices, notice] },
      ),
    receiveProgram: (message) => set((s) => applyProgram(s, message)),
    upsertSocket: (info) => set((s) => applySocketInfo(s, info)),
    select: (key, piece) =>
      set((s) => ({
        selection: {
          key,
          direction: piece?.direction ?? (key === s.selection.key ? s.selection.direction : 'received'),
          pieceSeq: piece?.seq ?? null,
        },
      })),
    showDirection: (direction) => set((s) => ({ selection: { ...s.selection, direction, pieceSeq: null } })),
    pushAlert: (error) => set((s) => ({ alerts: [...s.alerts, { id: nextAlertId++, error }].slice(-MAX_ALERTS) })),
    dismissAlert: (id) => set((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) })),
    dismissNotice: (notice) => set((s) => ({ notices: s.notices.filter((n) => n !== notice) })),
    dismissSessionLost: () => set({ sessionLost: null }),
    forgetClosed: () =>
      set((s) => {
        const sockets = Object.fromEntries(Object.entries(s.sockets).filter(([, e]) => e.state !== 'closed'));
        const keep = (key: SocketKey) => key in sockets;
        for (const [key, entry] of Object.entries(sockets)) {
          if (!entry.children.every(keep)) sockets[key] = { ...entry, children: entry.children.filter(keep) };
        }
        const selection = s.selection.key && !keep(s.selection.key) ? { ...s.selection, key: null } : s.selection;
        return { sockets, order: s.order.filter(keep), selection };
      }),
    prefillClient: (target) => set({ clientPrefill: { ...target, nonce: nextNonce++ } }),
    reveal: (key) => set({ revealed: { key, nonce: nextNonce++ } }),
    showView: (view) => set((s) => ({ lab: { ...s.lab, view } })),
    setTimeOrigin: (timeOrigin) => set((s) => ({ lab: { ...s.lab, timeOrigin } })),
    setReceiveFraming: (key, framing) =>
      set((s) => ({ lab: { ...s.lab, framing: { ...s.lab.framing, [key]: framing } } })),
    noteSentFraming: (key, framing) =>
      set((s) =>
        s.lab.sentFraming[key] === framing
          ? s
          : { lab: { ...s.lab, sentFraming: { ...s.lab.sentFraming, [key]: framing } } },
      ),
    receiveKernel: (snapshot) => set((s) => ({ kernel: applyKernelSnapshot(s.kernel, snapshot, s.epoch) })),
    setKernelWatching: (watching) => set((s) => ({ kernel: setKernelWatching(s.kernel, watching) })),
    receiveWireStatus: (status) => set((s) => ({ wire: applyWireStatus(s.wire, status, s.epoch) })),
    receiveWireBatch: (batch) => set((s) => ({ wire: applyWireBatch(s.wire, batch, s.epoch) })),
    setWireWatching: (watching) => set((s) => ({ wire: setWireWatching(s.wire, watching) })),
    selectSegment: (id) => set((s) => ({ wire: { ...s.wire, selected: id } })),
    clearWire: () => set((s) => ({ wire: clearWire(s.wire) })),
  }));
}
