export { isSupportedLinkType, linkPayload } from './decode/link.ts';
export { type DecodedPacket, decodePacket } from './decode/packet.ts';
export { TcpFlag, type TcpHeader, type TcpOptions } from './decode/tcp.ts';
export type { UdpHeader } from './decode/udp.ts';
export { flagNames, type SegmentRole, segmentRole, type TcpFlagName } from './model/flags.ts';
export { type FlowEnds, TcpFlowTracker, type TcpSegmentContext } from './model/tcp-flows.ts';
export { LinkType, type PcapHeader, type PcapRecord, recordTimeUs } from './pcap/format.ts';
export { PcapFormatError, PcapStreamParser } from './pcap/stream-parser.ts';
export { type PcapWriteRecord, writePcap } from './pcap/writer.ts';
