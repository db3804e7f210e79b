import { type BehaviourOptions, type DatagramBehaviour, encodeText, type StreamBehaviour } from './types.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const two = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 867 leaves the format open and suggests "Weekday, Month Day, Year Time-Zone"; this is that
 * one, in UTC so every learner in a class reads the same line: `Tuesday, February 22, 1982 17:37:43-UTC`.
 */
export function daytimeText(date: Date): string {
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  const day = `${DAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  return `${day} ${time}-UTC\r\n`;
}

/** RFC 867, Daytime: the date and time as one line of text as soon as a client connects, then close. */
export const tcpDaytime = (options: BehaviourOptions): StreamBehaviour => {
  const now = options.now ?? (() => new Date());
  return {
    open: (conn) => {
      if (!conn.writable) return;
      conn.writeBack(encodeText(daytimeText(now())));
      conn.end();
    },
  };
};

export const udpDaytime = (options: BehaviourOptions): DatagramBehaviour => {
  const now = options.now ?? (() => new Date());
  return { datagram: (socket, _data, from) => socket.sendBack(encodeText(daytimeText(now())), from) };
};
