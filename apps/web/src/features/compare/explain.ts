import type { ConditionsSettings } from '@playground/protocol';
import type { LaneSummary } from './model/analyze.ts';

/** One sentence of "why they differ", as a translation key and its values. */
export interface Reason {
  key: 'timeTcp' | 'timeUdp' | 'timeEven' | 'retransmitted' | 'noRetransmits' | 'udpLost' | 'udpLostNone' | 'udpLate';
  params: Record<string, number>;
}

/**
 * Why TCP and UDP differed in this run, from the run's own numbers only: which one's slowest
 * message was slower, whether TCP really resent anything, what UDP lost or got late. A sentence
 * that the numbers do not back is not said (a Chaos run can leave UDP slower than TCP).
 */
export function explainRun(
  tcp: LaneSummary,
  udp: LaneSummary,
  settings: ConditionsSettings,
  tcpRetransmitted: number,
): Reason[] {
  const reasons: Reason[] = [];
  const tcpMax = tcp.maxLatency ?? 0;
  const udpMax = udp.maxLatency ?? 0;
  if (tcpMax > udpMax) reasons.push({ key: 'timeTcp', params: {} });
  else if (udpMax > tcpMax) reasons.push({ key: 'timeUdp', params: {} });
  else reasons.push({ key: 'timeEven', params: {} });
  if (tcpRetransmitted > 0) reasons.push({ key: 'retransmitted', params: { count: tcpRetransmitted } });
  else if (settings.lossPct > 0) reasons.push({ key: 'noRetransmits', params: {} });
  if (udp.missing > 0) reasons.push({ key: 'udpLost', params: { count: udp.missing } });
  else if (settings.lossPct > 0) reasons.push({ key: 'udpLostNone', params: { loss: settings.lossPct } });
  const late = udp.delivered - udp.inOrder;
  if (late > 0) reasons.push({ key: 'udpLate', params: { count: late } });
  return reasons;
}
