import type { Engine } from '@playground/engine';
import type { ReplyResult } from '@playground/protocol';
import type { ClassCommand } from '../classroom/classroom.ts';
import type { SessionLimits } from '../config/config.ts';
import type { KernelWatcher } from '../kernel-view/kernel-watcher.ts';
import type { TargetPolicy } from '../policy/target-policy.ts';
import type { RateMeter } from '../quota/rate-meter.ts';
import type { SendBuffer } from '../quota/send-buffer.ts';
import type { Spawner } from '../spawn/spawner.ts';
import type { PageCalls } from '../trace/page-calls.ts';
import type { ProgramHub } from '../trace/program-hub.ts';
import type { SessionWire } from '../wire/session-wire.ts';

/** What carrying out a command may use: the session's engine, policy, quotas and optional views. */
export interface DispatchContext {
  engine: Engine;
  policy: TargetPolicy;
  limits: SessionLimits;
  rate: RateMeter;
  sendBuffer: SendBuffer;
  /** The OS view (`kernel.watch`) and `tcp.spawn`; a context without them refuses those commands. */
  kernel?: KernelWatcher;
  spawner?: Spawner;
  /** The wire view (`wire.watch`); connects and sends wait for it to capture their port first. */
  wire?: SessionWire;
  /** The classroom commands, carried out for this session (the teacher's, or a student's progress). */
  classroom?: { handle(command: ClassCommand): Promise<ReplyResult> };
  /** Traced programs: `trace.code`. */
  programs?: ProgramHub;
  /** A program in the page: the calls its commands carry go on their events, with hints. */
  pageCalls?: PageCalls;
}
