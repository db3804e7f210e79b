export {
  joinToken,
  lastClassInfo,
  lastRoster,
  messagesOf,
  openSession,
  snapshots,
  spotlights,
} from './classroom.ts';
export { usePlaygrounds } from './playground.ts';
