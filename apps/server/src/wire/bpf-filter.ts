export interface CapturePorts {
  tcp: ReadonlySet<number>;
  udp: ReadonlySet<number>;
}

/** Matches nothing: the capture runs (so permission problems show at once) while there is nothing to see yet. */
export const NOTHING_FILTER = 'tcp port 0';

/**
 * The capture filter (pcap-filter(7)) for exactly these ports: `(tcp and (port 5000 or port 65432))
 * or (udp and (port 6000))`. The kernel drops everything else before the tool sees it.
 */
export function captureFilter(ports: CapturePorts): string {
  const clause = (proto: string, set: ReadonlySet<number>) => {
    const list = [...set].filter((p) => p > 0).sort((a, b) => a - b);
    return list.length === 0 ? undefined : `(${proto} and (${list.map((p) => `port ${p}`).join(' or ')}))`;
  };
  const parts = [clause('tcp', ports.tcp), clause('udp', ports.udp)].filter((c): c is string => c !== undefined);
  return parts.length === 0 ? NOTHING_FILTER : parts.join(' or ');
}
