export {
  joinToken,
  lastClassInfo,
  lastRoster,
  messagesOf,
  openSession,
  snapshots,
  spotlights,
} from './classroom.ts';
export { ManualClock } from './manual-clock.ts';
export { usePlaygrounds } from './playground.ts';
