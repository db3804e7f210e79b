import type { ProgramCall, ProgramHint } from '@playground/protocol';
import type { TFunction } from 'i18next';
import type { LoggedEvent } from '../../store/state.ts';

/** Threads a program always has: not worth a word on every row. */
const MAIN_THREADS = new Set(['MainThread', undefined]);

/**
 * A traced program's event as its call: "line 14: recv(1024) → 16 bytes", the same words the
 * learner wrote. What came back is the event's bytes (counted), b'' for the end of the stream,
 * the exception it raised, or the value it returned.
 */
export function describeCall(t: TFunction, event: LoggedEvent & { call: ProgramCall }, maxArgs = Infinity): string {
  const { call } = event;
  const at = call.line === undefined ? '' : t('trace.log.line', { line: call.line });
  const outcome = callOutcome(t, event);
  const repeat = call.repeat ? ` ${t('trace.log.repeat', { count: call.repeat })}` : '';
  const args = call.args.length > maxArgs ? `${call.args.slice(0, maxArgs - 1)}…` : call.args;
  return `${at}${call.fn}(${args})${outcome ? ` ${outcome}` : ''}${repeat}`;
}

function callOutcome(t: TFunction, event: LoggedEvent & { call: ProgramCall }): string {
  const { call } = event;
  if (call.raised) return `✗ ${call.raised.type}${call.raised.code ? ` [${call.raised.code}]` : ''}`;
  if (event.type === 'fin-received') return "→ b''";
  if ('size' in event) return `→ ${t('trace.log.bytes', { count: event.size })}`;
  return call.result === undefined ? '' : `→ ${call.result}`;
}

/** The details a call row carries besides its text: its thread (when not the main one) and how long it took. */
export function callDetails(t: TFunction, call: ProgramCall): string {
  const parts: string[] = [];
  if (!MAIN_THREADS.has(call.thread)) parts.push(t('trace.log.thread', { thread: call.thread }));
  if (call.ms !== undefined && call.ms >= 1) parts.push(t('trace.log.took', { ms: Math.round(call.ms) }));
  if (call.file) parts.push(call.file);
  return parts.join(' · ');
}

/** A hint's title and its explanation, in the learner's language, with the numbers it was found with. */
export function hintText(t: TFunction, hint: ProgramHint): { short: string; long: string; at: string } {
  const p = hint.params;
  const at = hint.line === undefined ? '' : t('trace.hints.at', { line: hint.line });
  switch (hint.code) {
    case 'recv-not-message': {
      const long = t('trace.hints.recv-not-message.long', p);
      const write = p.write === undefined ? '' : ` ${t('trace.hints.recv-not-message.write', p)}`;
      return { short: t('trace.hints.recv-not-message.short'), long: long + write, at };
    }
    case 'recv-after-eof':
      return { short: t('trace.hints.recv-after-eof.short'), long: t('trace.hints.recv-after-eof.long', p), at };
    case 'send-partial':
      return { short: t('trace.hints.send-partial.short'), long: t('trace.hints.send-partial.long', p), at };
    case 'never-closed':
      return {
        short: t('trace.hints.never-closed.short'),
        long: t(p.gc === 1 ? 'trace.hints.never-closed.gc' : 'trace.hints.never-closed.long'),
        at,
      };
    case 'privileged-port':
      return {
        short: t('trace.hints.privileged-port.short', p),
        long: t(p.denied === 1 ? 'trace.hints.privileged-port.denied' : 'trace.hints.privileged-port.admin', p),
        at,
      };
    case 'connect-refused':
      return { short: t('trace.hints.connect-refused.short', p), long: t('trace.hints.connect-refused.long', p), at };
  }
}
