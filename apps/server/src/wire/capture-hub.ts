import { basename } from 'node:path';
import type { WireState, WireStatus } from '@playground/protocol';
import { type DecodedPacket, decodePacket, type PcapHeader, type PcapRecord, recordTimeUs } from '@playground/wire';
import { type CapturePorts, captureFilter } from './bpf-filter.ts';
import { type ClockPair, perfMsAt } from './capture-clock.ts';
import { type CaptureProblem, classifyCaptureExit } from './capture-errors.ts';
import { CaptureHandover } from './capture-handover.ts';
import { CaptureProcess } from './capture-process.ts';
import { type CaptureToolConfig, captureArgs, findCaptureTool } from './capture-tool.ts';
import { FloodMeter } from './flood-meter.ts';

/**
 * One captured packet, decoded, with its time on the wall clock and on the sessions' clock. Its
 * frame (and the decoded payload) are views into the pipe's chunk, valid during `onPacket`; a
 * subscriber that keeps it takes `holdable()`.
 */
export interface HubPacket {
  timeUs: number;
  perfMs: number;
  originalLength: number;
  frame: Uint8Array;
  packet: DecodedPacket;
  linkType: number;
  bigEndian: boolean;
}

/** The packet with its own copy of the frame, so keeping it does not keep the pipe's whole chunk alive. */
export function holdable(hub: HubPacket): HubPacket {
  const frame = hub.frame.slice();
  return { ...hub, frame, packet: decodePacket(hub.linkType, frame, hub.bigEndian) as DecodedPacket };
}

export interface HubState {
  state: WireState;
  reason?: string;
  capture?: NonNullable<WireStatus['capture']>;
}

/** A session watching the wire: which ports it needs captured, and what it is told. */
export interface CaptureSubscriber {
  ports(): CapturePorts;
  onPacket(packet: HubPacket): void;
  onState(state: HubState): void;
}

/** A capture tool that has not started capturing by then is treated as failed. */
const START_TIMEOUT_MS = 5000;
/** A handover whose new run never hands a packet over is given up after this long. */
const HANDOVER_KEEP_MS = 5000;

/** A restart in progress: the old run, and the new one once it is ready. */
interface Handover {
  twins: CaptureHandover;
  oldStopped: boolean;
}

interface Run {
  process: CaptureProcess;
  filter: string;
  ports: CapturePorts;
  header: PcapHeader;
  /** Packets handed over in blocks (a flood), not one by one. */
  blocks: boolean;
  /** The restart that started this run, while its packets may be twins of the old run's. */
  from?: Handover | undefined;
  /** The restart that is replacing this run. */
  to?: Handover | undefined;
}

/**
 * The bridge's one capture: a tcpdump (or dumpcap) on the loopback interface whose filter names exactly the
 * ports of the sessions watching, restarted when they need a new port (the new run takes over
 * once it captures, then the old one stops; packets both saw are passed on once: CaptureHandover). Each packet goes
 * to every watching session, which keeps only its own connections' (see SessionCapture).
 */
export class CaptureHub {
  readonly #subscribers = new Set<CaptureSubscriber>();
  #run: Run | undefined;
  #state: HubState = { state: 'off' };
  #applying: Promise<void> | undefined;
  #wanted = false;
  #closed = false;
  /** During a flood the capture runs in blocks; the meter says when one starts and ends. */
  readonly #flood = new FloodMeter(() => void this.refresh());

  /** `clock`: the pairing of the wall clock with the sessions' clock (their thread's `performance.now()`). */
  constructor(
    private readonly config: CaptureToolConfig,
    private readonly clock: () => ClockPair,
  ) {}

  get state(): HubState {
    return this.#state;
  }

  /** Starts watching for `subscriber`; a capture that was refused before is tried again. */
  subscribe(subscriber: CaptureSubscriber): Promise<void> {
    this.#subscribers.add(subscriber);
    if (this.#state.state !== 'capturing' && this.#state.state !== 'starting') this.#state = { state: 'off' };
    subscriber.onState(this.#state);
    return this.refresh();
  }

  unsubscribe(subscriber: CaptureSubscriber): void {
    if (!this.#subscribers.delete(subscriber)) return;
    if (this.#subscribers.size === 0) void this.refresh();
  }

  /** A subscriber needs other ports: resolves once the capture covers them (or could not). */
  refresh(): Promise<void> {
    this.#wanted = true;
    this.#applying ??= this.#loop().finally(() => {
      this.#applying = undefined;
    });
    return this.#applying;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
    await this.refresh();
  }

  async #loop(): Promise<void> {
    while (this.#wanted) {
      this.#wanted = false;
      await this.#apply();
    }
  }

  async #apply(): Promise<void> {
    if (this.#subscribers.size === 0 || this.#closed) {
      const run = this.#run;
      this.#run = undefined;
      this.#flood.stop();
      // Off from now: a page that watches again meanwhile waits for the next run.
      this.#setState({ state: 'off' });
      await run?.process.stop();
      return;
    }
    const state = this.#state.state;
    if (state === 'unavailable' || state === 'not-permitted' || state === 'failed') return;
    const ports = this.#wantedPorts();
    // A port nobody needs any more stays in the filter until the next restart: no restart for it.
    if (this.#run && covers(this.#run.ports, ports) && this.#run.blocks === this.#flood.flooding) return;
    await this.#start(ports);
  }

  #wantedPorts(): CapturePorts {
    const tcp = new Set<number>();
    const udp = new Set<number>();
    for (const s of this.#subscribers) {
      const p = s.ports();
      for (const port of p.tcp) tcp.add(port);
      for (const port of p.udp) udp.add(port);
    }
    return { tcp, udp };
  }

  async #start(ports: CapturePorts): Promise<void> {
    const { tool } = this.config;
    const iface = this.config.interface;
    if (iface === undefined) {
      this.#setState({
        state: 'unavailable',
        reason: `The playground does not know the loopback interface's name on ${process.platform}; start it with --capture-interface NAME.`,
      });
      return;
    }
    const path = await findCaptureTool(tool);
    if (!path) {
      this.#setState(classifyCaptureExit('', Object.assign(new Error('not found'), { code: 'ENOENT' })));
      return;
    }
    if (!this.#run) this.#setState({ state: 'starting' });
    const previous = this.#run;
    // Made before the spawn: the new run may hand its first packets over in the same read as its header.
    const handover: Handover | undefined = previous && {
      twins: new CaptureHandover(previous.ports, ports),
      oldStopped: false,
    };
    if (previous) previous.to = handover;
    const run = await this.#spawn(path, iface, ports, this.#flood.flooding, handover);
    if ('reason' in run) {
      if (previous) previous.to = undefined;
      this.#setState(run);
      return;
    }
    this.#run = run;
    if (previous && handover) {
      await previous.process.stop();
      handover.oldStopped = true;
      previous.to = undefined;
      setTimeout(() => {
        if (run.from === handover) run.from = undefined;
      }, HANDOVER_KEEP_MS).unref();
    }
    const { filter, header } = run;
    this.#setState({
      state: 'capturing',
      capture: {
        tool: path,
        interface: iface,
        filter,
        snaplen: header.snaplen,
        linkType: header.linkType,
        ...(run.blocks ? { blocks: true } : {}),
      },
    });
  }

  /** One run of the tool: ready once it captures, or the problem it reported. */
  #spawn(
    path: string,
    iface: string,
    ports: CapturePorts,
    blocks: boolean,
    from: Handover | undefined,
  ): Promise<Run | CaptureProblem> {
    const filter = captureFilter(ports);
    return new Promise((resolve) => {
      let run: Run | undefined;
      const fail = (stderr: string, spawnError?: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(classifyCaptureExit(stderr, spawnError));
      };
      const timer = setTimeout(() => {
        void child.stop();
        fail(`${basename(path)} did not start capturing within ${START_TIMEOUT_MS / 1000} s.`);
      }, START_TIMEOUT_MS);
      const child: CaptureProcess = new CaptureProcess(
        path,
        captureArgs(path, iface, this.config.snaplen, filter, blocks),
        {
          onReady: (header) => {
            clearTimeout(timer);
            run = { process: child, filter, ports, header, blocks, from };
            resolve(run);
          },
          onRecords: (records, header) => {
            if (run) this.#deliver(run, records, header);
          },
          onExit: (exit) => {
            if (!run) fail(exit.stderr, exit.spawnError);
            else if (!exit.expected && this.#run === run) this.#lost(exit.stderr, exit.spawnError);
          },
        },
      );
    });
  }

  /** The running capture stopped on its own: the sessions are told why. */
  #lost(stderr: string, spawnError: NodeJS.ErrnoException | undefined): void {
    this.#run = undefined;
    this.#setState(classifyCaptureExit(stderr, spawnError));
  }

  #deliver(run: Run, records: PcapRecord[], header: PcapHeader): void {
    if (run === this.#run) this.#flood.count(records.length);
    const clock = this.clock();
    for (const record of records) {
      const timeUs = recordTimeUs(record, header);
      // A view into the pipe's chunk: whoever keeps the packet past this call copies it (holdable()).
      const frame = record.data;
      const packet = decodePacket(header.linkType, frame, header.bigEndian);
      if (!packet) continue;
      if (this.#twin(run, packet, record, timeUs)) continue;
      const hub: HubPacket = {
        timeUs,
        perfMs: perfMsAt(clock, timeUs),
        originalLength: record.originalLength,
        frame,
        packet,
        linkType: header.linkType,
        bigEndian: header.bigEndian,
      };
      for (const s of this.#subscribers) s.onPacket(hub);
    }
  }

  /** Whether the other run of a restart already passed this packet on (each run's count moves either way). */
  #twin(run: Run, packet: DecodedPacket, record: PcapRecord, timeUs: number): boolean {
    const { from, to } = run;
    const asNew = from?.twins.twin(false, packet, record.data, record.originalLength, timeUs) ?? false;
    const asOld = to?.twins.twin(true, packet, record.data, record.originalLength, timeUs) ?? false;
    if (from?.twins.settled(from.oldStopped)) run.from = undefined;
    return asNew || asOld;
  }

  #setState(state: HubState): void {
    this.#state = state;
    for (const s of this.#subscribers) s.onState(state);
  }
}

function covers(have: CapturePorts, want: CapturePorts): boolean {
  for (const p of want.tcp) if (!have.tcp.has(p)) return false;
  for (const p of want.udp) if (!have.udp.has(p)) return false;
  return true;
}
