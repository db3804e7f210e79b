import { z } from 'zod';

/** The kernel's own TCP states, as netstat prints them (Linux names; NEW_SYN_RECV is Linux-only). */
export const KernelTcpState = z.enum([
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
]);
export type KernelTcpState = z.infer<typeof KernelTcpState>;
