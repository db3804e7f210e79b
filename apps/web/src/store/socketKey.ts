import type { SocketId } from '@playground/protocol';

/**
 * Socket ids restart at s1 in every bridge session, so the store keys sockets by session too
 * ("2:s1"): sockets of a dropped session stay visible, marked closed, next to the new ones.
 */
export type SocketKey = string;
export const socketKey = (epoch: number, id: SocketId): SocketKey => `${epoch}:${id}`;
