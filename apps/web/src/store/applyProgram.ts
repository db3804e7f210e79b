import type { ProgramMessage } from '@playground/protocol';
import type { PlaygroundData } from './state.ts';

/** Programs the page remembers: the latest ones, whichever session they were in. */
const PROGRAMS_KEPT = 20;

/** A `program` message: a traced program attached, got its pid, ended or stopped being traced. */
export function applyProgram(state: PlaygroundData, message: ProgramMessage): PlaygroundData {
  const key = `${state.epoch}:${message.traceId}`;
  const { type: _type, ...fields } = message;
  const programs = { ...state.programs, [key]: { ...fields, key, epoch: state.epoch } };
  let programOrder = state.programOrder.includes(key) ? state.programOrder : [...state.programOrder, key];
  if (programOrder.length > PROGRAMS_KEPT) {
    for (const old of programOrder.slice(0, programOrder.length - PROGRAMS_KEPT)) delete programs[old];
    programOrder = programOrder.slice(-PROGRAMS_KEPT);
  }
  return { ...state, programs, programOrder };
}
