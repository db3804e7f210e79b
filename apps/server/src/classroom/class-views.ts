import { type ClassServer, type RosterStudent, reachableHost } from '@playground/protocol';
import type { ClassMember, StudentRecord } from './class-member.ts';

/** What the lists below are made from: the class as Classroom keeps it. */
export interface ClassState {
  members: ReadonlyMap<string, ClassMember>;
  students: ReadonlyMap<string, StudentRecord>;
  /** Owner keys (`<session>/<socket>`) of published servers. */
  published: ReadonlySet<string>;
  allowPeers: boolean;
}

/** The roster's students, by name: presence, sessions, the latest session's sockets, lesson progress. */
export function rosterStudents(state: ClassState): RosterStudent[] {
  return [...state.students.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId, 'en', { numeric: true }))
    .map((record) => {
      const live = [...record.sessions];
      const presence = live.length === 0 ? 'gone' : live.some((s) => s.attached) ? 'connected' : 'away';
      const { sockets, more, totals } = record.latest?.table.roster() ?? {
        sockets: [],
        more: 0,
        totals: { bytesIn: 0, bytesOut: 0, openSockets: 0 },
      };
      return {
        studentId: record.studentId,
        name: record.name,
        presence,
        sessions: live.length,
        sockets,
        moreSockets: more,
        totals,
        progress: record.progress,
      };
    });
}

/** The servers the teacher published that are still open. */
export function publishedServers(state: ClassState): ClassServer[] {
  const servers: ClassServer[] = [];
  for (const owner of state.published) {
    const slash = owner.indexOf('/');
    const member = state.members.get(owner.slice(0, slash));
    const row = member?.table.get(owner.slice(slash + 1));
    const server = row && classServer(row.info, 'teacher');
    if (server && row.state !== 'closed') servers.push(server);
  }
  return servers;
}

/** The servers one student may use: the published ones, and classmates' while peers are allowed. */
export function serversFor(state: ClassState, member: ClassMember): ClassServer[] {
  const servers = publishedServers(state);
  if (!state.allowPeers) return servers;
  for (const other of state.members.values()) {
    if (other.role !== 'student' || other.studentId === member.studentId) continue;
    for (const info of other.table.servers()) {
      const server = classServer(info, 'student', other.name);
      if (server && servers.length < 500) servers.push(server);
    }
  }
  return servers;
}

/** What a client on this playground connects to: the bridge runs where the server listens. */
function classServer(
  info: {
    id: string;
    kind: string;
    local?: { address: string; port: number };
    behaviour?: ClassServer['behaviour'];
    recvSize: number;
  },
  owner: ClassServer['owner'],
  ownerName?: string,
): ClassServer | undefined {
  if ((info.kind !== 'tcp-server' && info.kind !== 'udp') || !info.local || info.local.port === 0) return undefined;
  const address = info.local.address;
  const host = reachableHost(address);
  const server: ClassServer = {
    owner,
    socketId: info.id,
    kind: info.kind,
    host,
    port: info.local.port,
    recvSize: info.recvSize,
  };
  if (ownerName) server.ownerName = ownerName;
  if (info.behaviour) server.behaviour = info.behaviour;
  return server;
}
