import { sensorRecordProblem } from '@playground/codec';
import {
  type ConditionsSettings,
  DEFAULT_SENSOR_FIELDS,
  DEFAULT_SENSOR_FORMAT,
  type EventBatch,
  type SensorStats,
  type SocketInfo,
} from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BatchTap } from '../../../bridge/batchTap.ts';
import type { BridgeApi } from '../../../bridge/client.ts';
import type { ErrorCodeInfo } from '../../../store/state.ts';
import { storeContext, useStoreApi, useStoreState } from '../../../store/storeContext.ts';
import { errorInfo, LabSockets } from '../../netlab/model/labSockets.ts';
import type { Lab } from '../../netlab/model/useStartLab.ts';
import { Series } from './series.ts';

export type Transport = 'tcp' | 'udp';
export const TRANSPORTS: Transport[] = ['tcp', 'udp'];

export interface SensorConfig {
  tcp: boolean;
  udp: boolean;
  rateHz: number;
  durationS: number;
  format: string;
  /** Comma-separated names, as the learner types them. */
  fieldsText: string;
  ack: boolean;
  /** The field the chart plots. */
  plot: string;
}

export const DEFAULT_SENSOR_CONFIG: SensorConfig = {
  tcp: true,
  udp: true,
  rateHz: 50,
  durationS: 60,
  format: DEFAULT_SENSOR_FORMAT,
  fieldsText: DEFAULT_SENSOR_FIELDS.join(', '),
  ack: false,
  plot: 'temperature',
};

export const parseFields = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((f) => f.trim())
    .filter(Boolean);

/** The learner's record, checked as typed: the codec's sentence, or null when it is fine. */
export function configProblem(config: SensorConfig): string | null {
  return sensorRecordProblem(config.format, parseFields(config.fieldsText));
}

export type SensorStatus = 'idle' | 'starting' | 'running' | 'finished' | 'failed';

export interface ServerPorts {
  server: number;
  relay: number;
}

export interface TransportView {
  stats: SensorStats;
  /** Records per second over the last second. */
  rate: number;
  points: number;
  plotted: number;
}

export interface SensorData {
  config: SensorConfig;
  status: SensorStatus;
  error: ErrorCodeInfo | null;
  /** Where the lab's sensor servers and their relays listen (for the Python client too). */
  ports: Partial<Record<Transport, ServerPorts>>;
  /** Bumped whenever the chart's data changed. */
  version: number;
  view: Record<Transport, TransportView>;
}

export interface SensorState extends SensorData, Lab {
  setConfig(config: SensorConfig): void;
  /** The chart's lines, fed between renders. */
  series(): Record<Transport, Series>;
  /** The relays of the running lab, so live changes of the conditions reach them. */
  activeRelays(): string[];
  /** Stops the sensors; the servers and relays stay, so a Python sensor can still send to them. */
  stop(): Promise<void>;
  /** Closes everything the sensor lab opened. */
  reset(): Promise<void>;
  /** The field the chart plots changed: the lines start over with it. */
  replot(): void;
}

export type SensorStore = StoreApi<SensorState>;

const emptyStats = (): SensorStats => ({ received: 0, missing: 0, outOfOrder: 0, duplicates: 0, bad: 0, acks: 0 });
const emptyView = (): TransportView => ({ stats: emptyStats(), rate: 0, points: 0, plotted: 0 });

const PUBLISH_EVERY_MS = 200;

interface LabServers {
  key: string;
  epoch: number;
  sockets: LabSockets;
  server: Record<Transport, SocketInfo | undefined>;
  relay: Record<Transport, SocketInfo | undefined>;
}

interface Runtime {
  servers: LabServers | null;
  clients: LabSockets | null;
  series: Record<Transport, Series>;
  senders: Record<Transport, Map<string, SensorStats>>;
  arrivals: Record<Transport, number[]>;
  conns: Set<string>;
  plotIndex: number;
  dirty: boolean;
  timer: ReturnType<typeof setInterval> | undefined;
  finishTimer: ReturnType<typeof setTimeout> | undefined;
  unsubscribe: (() => void) | undefined;
}

/**
 * The sensor stream lab: a sensor server per transport (behaviour `sensor`, decoding the learner's
 * format), a relay in front of each with the shared conditions, and a sensor client per chosen
 * transport sending to its relay. The chart's lines are fed from the servers' `sensor-data` events.
 */
export function createSensorStore(tap: BatchTap): SensorStore {
  /** What the lab holds between renders and across tab switches. */
  const lab: Runtime = {
    servers: null,
    clients: null,
    series: { tcp: new Series(), udp: new Series() },
    senders: { tcp: new Map(), udp: new Map() },
    arrivals: { tcp: [], udp: [] },
    conns: new Set(),
    plotIndex: 0,
    dirty: false,
    timer: undefined,
    finishTimer: undefined,
    unsubscribe: undefined,
  };
  const store = createStore<SensorState>()((set, get) => ({
    config: DEFAULT_SENSOR_CONFIG,
    status: 'idle',
    error: null,
    ports: {},
    version: 0,
    view: { tcp: emptyView(), udp: emptyView() },
    setConfig: (config) => set({ config }),
    series: () => lab.series,
    activeRelays() {
      const servers = lab.servers;
      if (!servers) return [];
      return TRANSPORTS.map((t) => servers.relay[t]?.id).filter((id): id is string => id !== undefined);
    },

    async start(bridge, upsert, epoch, settings, seed) {
      const { config } = get();
      const fields = parseFields(config.fieldsText);
      // New servers and relays when the record, the ack, the seed or the session changed; else reused.
      const key = JSON.stringify([config.format, fields, config.ack, epoch, seed]);
      set({ status: 'starting', error: null });
      try {
        await lab.clients?.closeAll();
        if (lab.servers?.key !== key) {
          await lab.servers?.sockets.closeAll();
          lab.servers = null;
          lab.servers = await openServers(bridge, upsert, key, epoch, config, fields, settings, seed);
          set({ ports: portsOf(lab.servers) });
        }
        resetData(config, fields);
        listen();
        const servers = lab.servers;
        const clients = new LabSockets(bridge, upsert);
        lab.clients = clients;
        for (const transport of TRANSPORTS) {
          if (!config[transport]) continue;
          await clients.open({
            type: 'sensor.start',
            transport,
            host: '127.0.0.1',
            port: servers.relay[transport]?.local?.port ?? 0,
            format: config.format,
            fields,
            rateHz: config.rateHz,
            durationS: config.durationS,
            sensorId: transport === 'tcp' ? 1 : 2,
          });
        }
        set({ status: 'running' });
        clearTimeout(lab.finishTimer);
        lab.finishTimer = setTimeout(
          () => {
            if (get().status === 'running') set({ status: 'finished' });
          },
          config.durationS * 1000 + 1500,
        );
      } catch (caught) {
        set({ status: 'failed', error: errorInfo(caught) });
      }
    },

    async stop() {
      clearTimeout(lab.finishTimer);
      await lab.clients?.closeAll();
      lab.clients = null;
      if (get().status === 'running') set({ status: 'finished' });
    },

    async reset() {
      await get().stop();
      await lab.servers?.sockets.closeAll();
      lab.servers = null;
      clearInterval(lab.timer);
      lab.timer = undefined;
      lab.unsubscribe?.();
      lab.unsubscribe = undefined;
      resetData(get().config, []);
      set({ status: 'idle', error: null, ports: {} });
    },

    replot() {
      const { config } = get();
      resetData(config, parseFields(config.fieldsText));
    },
  }));

  function resetData(config: SensorConfig, fields: string[]): void {
    lab.series = { tcp: new Series(), udp: new Series() };
    lab.senders = { tcp: new Map(), udp: new Map() };
    lab.arrivals = { tcp: [], udp: [] };
    lab.plotIndex = Math.max(0, fields.indexOf(config.plot));
    store.setState((s) => ({ version: s.version + 1, view: { tcp: emptyView(), udp: emptyView() } }));
  }

  function listen(): void {
    if (lab.unsubscribe) return;
    lab.unsubscribe = tap.subscribe(receive);
    lab.timer = setInterval(publish, PUBLISH_EVERY_MS);
  }

  function receive(batches: readonly EventBatch[], epoch: number): void {
    const servers = lab.servers;
    if (!servers || servers.epoch !== epoch) return;
    const tcpServer = servers.server.tcp?.id;
    const udpServer = servers.server.udp?.id;
    for (const batch of batches) {
      for (const e of batch.events) {
        if (e.type === 'accept' && e.socketId === tcpServer) lab.conns.add(e.connId);
        if (e.type !== 'sensor-data') continue;
        const transport: Transport | null = e.socketId === udpServer ? 'udp' : lab.conns.has(e.socketId) ? 'tcp' : null;
        if (transport === null) continue;
        lab.series[transport].add(e.records, e.t, lab.plotIndex);
        lab.senders[transport].set(`${e.socketId}|${e.from.address}|${e.from.port}`, e.stats);
        const arrivals = lab.arrivals[transport];
        for (const r of e.records) arrivals.push(e.t - r.dt);
        for (let i = 0; i < e.skipped; i++) arrivals.push(e.t);
        lab.dirty = true;
      }
    }
  }

  function publish(): void {
    if (!lab.dirty) return;
    lab.dirty = false;
    const view = {} as Record<Transport, TransportView>;
    for (const transport of TRANSPORTS) {
      const stats = emptyStats();
      for (const s of lab.senders[transport].values()) {
        for (const k of Object.keys(stats) as (keyof SensorStats)[]) stats[k] += s[k];
      }
      const arrivals = lab.arrivals[transport];
      const newest = arrivals[arrivals.length - 1] ?? 0;
      while (arrivals.length > 0 && (arrivals[0] as number) < newest - 1000) arrivals.shift();
      const series = lab.series[transport];
      view[transport] = { stats, rate: arrivals.length, points: series.points, plotted: series.plotted };
    }
    store.setState((s) => ({ version: s.version + 1, view }));
  }

  return store;
}

async function openServers(
  bridge: BridgeApi,
  upsert: (info: SocketInfo) => void,
  key: string,
  epoch: number,
  config: SensorConfig,
  fields: string[],
  settings: ConditionsSettings,
  seed: number,
): Promise<LabServers> {
  const sockets = new LabSockets(bridge, upsert);
  const host = '127.0.0.1';
  const sensor = { format: config.format, fields, ack: config.ack };
  const servers: LabServers = {
    key,
    epoch,
    sockets,
    server: { tcp: undefined, udp: undefined },
    relay: { tcp: undefined, udp: undefined },
  };
  servers.server.tcp = await sockets.open({
    type: 'tcp.listen',
    host,
    port: 0,
    behaviour: 'sensor',
    sensor,
    recvSize: 4096,
  });
  servers.server.udp = await sockets.open({
    type: 'udp.bind',
    host,
    port: 0,
    behaviour: 'sensor',
    sensor,
    recvSize: 2048,
  });
  for (const transport of TRANSPORTS) {
    servers.relay[transport] = await sockets.open({
      type: 'conditions.create',
      transport,
      target: { host, port: servers.server[transport]?.local?.port ?? 0 },
      settings,
      seed,
    });
  }
  return servers;
}

/** Where the lab's sensor servers and their relays listen. */
function portsOf(servers: LabServers): Partial<Record<Transport, ServerPorts>> {
  const ports: Partial<Record<Transport, ServerPorts>> = {};
  for (const transport of TRANSPORTS) {
    ports[transport] = {
      server: servers.server[transport]?.local?.port ?? 0,
      relay: servers.relay[transport]?.local?.port ?? 0,
    };
  }
  return ports;
}

export const SensorContext = storeContext<SensorState>('sensor');
export const useSensorStore = () => useStoreApi(SensorContext);
export const useSensor = <T>(selector: (state: SensorState) => T) => useStoreState(SensorContext, selector);
