import type { MeetingEvent } from './commands.js';
import type { MeetingState, Role } from './types.js';

/**
 * What a viewer of the given role may see of the state. Nothing in today's
 * state (roster, presence, roll) is private from a participant of the meeting:
 * the roll, reasons included, is read out at the meeting and written in the
 * minutes (DOMAIN.md "Attendance record"). Secret ballots, which must never
 * appear in any projection, will be filtered here.
 */
export function project(state: MeetingState, _viewer: Role): MeetingState {
  return state;
}

/** What a viewer of the given role may see of one event (see `project`). */
export function projectEvent(event: MeetingEvent, _viewer: Role): MeetingEvent {
  return event;
}
