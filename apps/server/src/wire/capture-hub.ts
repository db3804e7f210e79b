import { basename } from 'node:path';
import type { WireState, WireStatus } from '@playground/protocol';
import { type DecodedPacket, decodePacket, type PcapHeader, type PcapRecord, recordTimeUs } from '@playground/wire';
import { type CapturePorts, captureFilter } from './bpf-filter.ts';
import { type ClockPair, calibrateClock, perfMsAt } from './capture-clock.ts';
import { type CaptureProblem, classifyCaptureExit } from './capture-errors.ts';
import { CaptureProcess } from './capture-process.ts';
import { type CaptureToolConfig, captureArgs, findCaptureTool } from './capture-tool.ts';

/**
 * One captured packet, decoded, with its time on the wall clock and on `performance.now()`'s. Its
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
/** After a restart, packets both runs captured are dropped the second time for this long. */
const DEDUPE_MS = 1000;
const DEDUPE_MAX = 20_000;
/** Frame bytes that tell two packets apart (IP id, ports, sequence numbers). */
const DEDUPE_KEY_BYTES = 96;

interface Run {
  process: CaptureProcess;
  filter: string;
  ports: CapturePorts;
  clock: ClockPair;
  header: PcapHeader;
}

/**
 * The bridge's one capture: a tcpdump (or dumpcap) on the loopback interface whose filter names exactly the
 * ports of the sessions watching, restarted when they need a new port (the new run takes over
 * once it captures, then the old one stops; packets both saw are passed on once). Each packet goes
 * to every watching session, which keeps only its own connections' (see SessionCapture).
 */
export class CaptureHub {
  readonly #subscribers = new Set<CaptureSubscriber>();
  #run: Run | undefined;
  #state: HubState = { state: 'off' };
  #applying: Promise<void> | undefined;
  #wanted = false;
  #dedupe: Set<string> | undefined;
  #dedupeTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(private readonly config: CaptureToolConfig) {}

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
      await run?.process.stop();
      this.#setState({ state: 'off' });
      return;
    }
    const state = this.#state.state;
    if (state === 'unavailable' || state === 'not-permitted' || state === 'failed') return;
    const ports = this.#wantedPorts();
    // A port nobody needs any more stays in the filter until the next restart: no restart for it.
    if (this.#run && covers(this.#run.ports, ports)) return;
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
    const run = await this.#spawn(path, iface, ports);
    if ('reason' in run) {
      this.#setState(run);
      return;
    }
    const previous = this.#run;
    this.#run = run;
    if (previous) {
      this.#startDedupe();
      await previous.process.stop();
    }
    const { filter, header } = run;
    this.#setState({
      state: 'capturing',
      capture: { tool: path, interface: iface, filter, snaplen: header.snaplen, linkType: header.linkType },
    });
  }

  /** One run of the tool: ready once it captures, or the problem it reported. */
  #spawn(path: string, iface: string, ports: CapturePorts): Promise<Run | CaptureProblem> {
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
      const child: CaptureProcess = new CaptureProcess(path, captureArgs(path, iface, this.config.snaplen, filter), {
        onReady: (header) => {
          clearTimeout(timer);
          run = { process: child, filter, ports, header, clock: calibrateClock() };
          resolve(run);
        },
        onRecords: (records, header) => {
          if (run) this.#deliver(run, records, header);
        },
        onExit: (exit) => {
          if (!run) fail(exit.stderr, exit.spawnError);
          else if (!exit.expected && this.#run === run) this.#lost(exit.stderr, exit.spawnError);
        },
      });
    });
  }

  /** The running capture stopped on its own: the sessions are told why. */
  #lost(stderr: string, spawnError: NodeJS.ErrnoException | undefined): void {
    this.#run = undefined;
    this.#setState(classifyCaptureExit(stderr, spawnError));
  }

  #deliver(run: Run, records: PcapRecord[], header: PcapHeader): void {
    for (const record of records) {
      const timeUs = recordTimeUs(record, header);
      if (this.#duplicate(timeUs, record)) continue;
      // A view into the pipe's chunk: whoever keeps the packet past this call copies it (holdable()).
      const frame = record.data;
      const packet = decodePacket(header.linkType, frame, header.bigEndian);
      if (!packet) continue;
      const hub: HubPacket = {
        timeUs,
        perfMs: perfMsAt(run.clock, timeUs),
        originalLength: record.originalLength,
        frame,
        packet,
        linkType: header.linkType,
        bigEndian: header.bigEndian,
      };
      for (const s of this.#subscribers) s.onPacket(hub);
    }
  }

  #startDedupe(): void {
    this.#dedupe = new Set();
    clearTimeout(this.#dedupeTimer);
    this.#dedupeTimer = setTimeout(() => {
      this.#dedupe = undefined;
    }, DEDUPE_MS);
    this.#dedupeTimer.unref();
  }

  /** Both runs see the same packet with the same kernel timestamp while they overlap. */
  #duplicate(timeUs: number, record: PcapRecord): boolean {
    const seen = this.#dedupe;
    if (!seen) return false;
    const bytes = record.data.subarray(0, DEDUPE_KEY_BYTES);
    const key = `${timeUs}|${record.originalLength}|${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
    if (seen.has(key)) return true;
    if (seen.size < DEDUPE_MAX) seen.add(key);
    return false;
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
