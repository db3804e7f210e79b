import { describe, expect, it } from 'vitest';
import { JoinReply, JoinRequest, Notice, PROTOCOL_VERSION, ServerMessage, SessionInfo } from '../src/index.ts';

describe('connecting', () => {
  it('describes /api/session in both modes', () => {
    expect(SessionInfo.parse({ mode: 'local', token: 'abc' })).toEqual({ mode: 'local', token: 'abc' });
    expect(SessionInfo.parse({ mode: 'lan', token: null }).token).toBeNull();
    expect(SessionInfo.safeParse({ mode: 'cloud', token: null }).success).toBe(false);
  });

  it('bounds a join request and trims the name', () => {
    expect(JoinRequest.parse({ code: 'k7q-x2m', name: '  Ada ' })).toEqual({ code: 'k7q-x2m', name: 'Ada' });
    for (const bad of [
      { code: '', name: 'Ada' },
      { code: 'ABC', name: '   ' },
      { code: 'ABC', name: 'x'.repeat(41) },
      { code: 'A', name: 'B', admin: true },
    ]) {
      expect(JoinRequest.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(JoinReply.parse({ token: 'st1.x', role: 'student' }).role).toBe('student');
  });
});

describe('additions to protocol 1', () => {
  it('still accepts a welcome without the new limits and role, and one with them', () => {
    const limits = { maxSockets: 1, maxServers: 1, maxMessageBytes: 1, previewBytes: 1, minPort: 1, maxPort: 2 };
    const base = {
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      sessionId: 'x',
      limits,
      targetPolicy: 'loopback',
    };
    expect(ServerMessage.safeParse(base).success).toBe(true);
    const full = {
      ...base,
      role: 'teacher',
      limits: { ...limits, bytesPerSecond: 1, eventsPerSecond: 1, maxSendBufferBytes: 1, maxPendingCommands: 1 },
    };
    expect(ServerMessage.parse(full)).toMatchObject({ role: 'teacher', limits: { maxPendingCommands: 1 } });
  });

  it('has a quota notice that names its limit', () => {
    const notice = { type: 'notice', code: 'quota', message: 'm', params: { limit: 'bytesPerSecond', max: 5 } };
    expect(Notice.parse(notice).params).toEqual({ limit: 'bytesPerSecond', max: 5 });
  });
});
