import { z } from 'zod';
import { MAX_UDP_PAYLOAD } from '../vocabulary.ts';
import { type VariantTable, variant } from './define.ts';
import { hostPort } from './words.ts';

const peer = z.object({ host: z.string(), port: z.number() });
const host = z.object({ host: z.string() });

function untilGone(state: string): string {
  return state === 'TIME_WAIT' ? 'until TIME_WAIT ends (60 s on Linux)' : 'until that connection is gone';
}

/** Errors the operating system reported, keyed `CODE` or `CODE.variant`; a variant listed first wins. */
export const OS_ERRORS = {
  ECONNREFUSED: variant(
    peer,
    (p) => `Nobody is listening on ${hostPort(p.host, p.port)}, so the other side refused the connection.`,
  ),
  ECONNRESET: variant(
    peer,
    (p) => `${hostPort(p.host, p.port)} reset the connection (closed it abruptly), so data still in flight is lost.`,
  ),
  'ETIMEDOUT.call': variant(
    z.object({ socketId: z.string(), call: z.string(), timeoutMs: z.number() }),
    (p) => `${p.socketId}: ${p.call}() timed out after ${p.timeoutMs} ms.`,
  ),
  'ETIMEDOUT.connect': variant(
    peer.extend({ timeoutMs: z.number() }),
    (p) =>
      `Nobody at ${hostPort(p.host, p.port)} answered within ${p.timeoutMs} ms, so the connection attempt was given up.`,
  ),
  'ETIMEDOUT.later': variant(
    peer,
    (p) => `${hostPort(p.host, p.port)} stopped answering, so the connection timed out.`,
  ),
  // A listener of this bridge on the port is the plainer reason, whatever else holds it.
  'EADDRINUSE.you': variant(
    z.object({ heldBy: z.literal('you'), port: z.number(), socketId: z.string() }),
    (p) => `Port ${p.port} is already in use by your own server ${p.socketId}; stop it or pick another port.`,
  ),
  'EADDRINUSE.classmate': variant(
    z.object({ heldBy: z.literal('classmate'), port: z.number() }),
    (p) =>
      `Port ${p.port} is already in use by a classmate's server (the whole class shares this computer); leave the port at 0 and the OS picks a free one.`,
  ),
  'EADDRINUSE.teacher': variant(
    z.object({ heldBy: z.literal('teacher'), port: z.number() }),
    (p) =>
      `Port ${p.port} is already in use by your teacher's server; leave the port at 0 and the OS picks a free one.`,
  ),
  'EADDRINUSE.session': variant(
    z.object({ heldBy: z.literal('session'), port: z.number() }),
    (p) =>
      `Port ${p.port} is already in use by a server of another playground page on this computer; pick another port.`,
  ),
  'EADDRINUSE.noReuseAddr': variant(
    peer.extend({ reason: z.literal('noReuseAddr'), state: z.string(), local: z.string(), remote: z.string() }),
    (p) =>
      `Port ${p.port} on ${p.host} is still held by a connection in ${p.state} (${p.local} ↔ ${p.remote}), so a server that does not set SO_REUSEADDR, like the seeds' Python servers, cannot bind it: Python's bind() fails here with "Address already in use" ${untilGone(p.state)}. Node always sets SO_REUSEADDR, so the playground checked the kernel's table and refused on Python's behalf.`,
  ),
  'EADDRINUSE.other': variant(
    peer,
    (p) =>
      `Port ${p.port} on ${p.host} is already in use by another socket; pick another port or stop the other server.`,
  ),
  EACCES: variant(
    peer,
    (p) => `This program may not use port ${p.port} on ${p.host}; ports below 1024 usually need administrator rights.`,
  ),
  EADDRNOTAVAIL: variant(
    host,
    (p) => `The address ${p.host} does not belong to this computer, so a socket cannot use it.`,
  ),
  ENOTFOUND: variant(host, (p) => `The name ${p.host} could not be found, so there is no address to talk to.`),
  'EMSGSIZE.sized': variant(
    z.object({ size: z.number() }),
    (p) =>
      `A UDP datagram carries at most ${MAX_UDP_PAYLOAD} bytes, and this one has ${p.size}; split the data or use TCP.`,
  ),
  'EMSGSIZE.plain': variant(
    z.object({}),
    () => `A UDP datagram carries at most ${MAX_UDP_PAYLOAD} bytes; split the data or use TCP.`,
  ),
  EPIPE: variant(
    peer,
    (p) =>
      `The connection to ${hostPort(p.host, p.port)} is already closed for writing, so these bytes cannot be sent.`,
  ),
  EHOSTUNREACH: variant(host, (p) => `There is no route to ${p.host}, so it cannot be reached from this computer.`),
  ENETUNREACH: variant(host, (p) => `The network of ${p.host} cannot be reached from this computer.`),
  EAFNOSUPPORT: variant(
    host,
    (p) => `This socket cannot use the address family of ${p.host}; IPv4 and IPv6 sockets do not mix.`,
  ),
} satisfies VariantTable;
