import type { Lesson, LessonCheck } from '@playground/protocol';
import type { TFunction } from 'i18next';

/**
 * What a step waits for, in words, so the learner knows what counts as done. `name` turns a
 * lesson's `$name` into what the learner sees: the socket ("server s4") once it exists, else what
 * the lesson will make ("the server this lesson starts"), never the lesson file's own name.
 */
export function describeCheck(t: TFunction, check: LessonCheck, name: (ref: string) => string): string {
  switch (check.type) {
    case 'all':
      return check.of.map((c) => describeCheck(t, c, name)).join(t('lessons.check.and'));
    case 'any':
      return check.of.map((c) => describeCheck(t, c, name)).join(t('lessons.check.or'));
    case 'manual':
      return t('lessons.check.manual');
    case 'kernel-state':
      return t('lessons.check.kernel', { state: check.state });
    case 'segment': {
      let text = t('lessons.check.segment', {
        count: check.count ?? 1,
        flags: check.flags?.join(', ') ?? (check.transport === 'udp' ? 'UDP' : 'TCP'),
        where: check.socket ? t('lessons.check.bySocket', { name: name(check.socket.slice(1)) }) : '',
      });
      if (check.maxLength !== undefined && check.minLength === check.maxLength)
        text += t('lessons.check.exactly', { size: check.maxLength });
      else {
        if (check.minLength !== undefined) text += t('lessons.check.atLeast', { size: check.minLength });
        if (check.maxLength !== undefined) text += t('lessons.check.atMost', { size: check.maxLength });
      }
      if (check.zeroWindow) text += t('lessons.check.zeroWindow');
      return text;
    }
    case 'state': {
      const who = check.socket
        ? name(check.socket.slice(1))
        : check.kind
          ? t('lessons.check.aKind', { kind: t(`sockets.short.${check.kind}`) })
          : t('lessons.check.aSocket');
      return t('lessons.check.state', { who, state: t(`states.${check.state}.label`) });
    }
    case 'event': {
      let text = t(`lessons.check.events.${check.event}`, { count: check.count ?? 1 }) + where(t, check, name);
      if (check.maxSize !== undefined && check.minSize === check.maxSize)
        text += t('lessons.check.exactly', { size: check.maxSize });
      else {
        if (check.minSize !== undefined) text += t('lessons.check.atLeast', { size: check.minSize });
        if (check.maxSize !== undefined) text += t('lessons.check.atMost', { size: check.maxSize });
      }
      if (check.minLost !== undefined) text += t('lessons.check.lost');
      return text;
    }
  }
}

function where(t: TFunction, check: { kind?: string; socket?: string }, name: (ref: string) => string): string {
  if (check.socket) return t('lessons.check.onSocket', { name: name(check.socket.slice(1)) });
  if (check.kind) return t('lessons.check.onKind', { kind: t(`sockets.short.${check.kind as 'tcp-server'}`) });
  return '';
}

/** What the lesson's command named `ref` makes, for naming it before it exists. */
export type NamedRole = 'server' | 'client' | 'udpServer' | 'udpClient' | 'socket';

export function roleOf(lesson: Lesson, ref: string): NamedRole {
  for (const step of lesson.steps) {
    for (const { as, command } of [...(step.preset ?? []), ...(step.try?.commands ?? [])]) {
      if (as !== ref) continue;
      if (command.type === 'tcp.listen') return 'server';
      if (command.type === 'tcp.connect' || (command.type === 'sensor.start' && command.transport === 'tcp')) {
        return 'client';
      }
      if (command.type === 'udp.bind') return command.remote ? 'udpClient' : 'udpServer';
      if (command.type === 'sensor.start') return 'udpClient';
    }
  }
  return 'socket';
}
