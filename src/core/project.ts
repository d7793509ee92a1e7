import type { MeetingEvent } from './commands.js';
import type { AttendanceEntry, MeetingState, Motion } from './state.js';
import type { TokenRole } from './types.js';

/** Roles that see no personal data of members (reasons of absence). */
const OUTSIDERS: readonly TokenRole[] = ['guest', 'technician'];

/** Whether a motion's choices are hidden from everyone for now. */
const choicesHidden = (motion: Motion) => motion.ballot === 'open' && motion.status === 'voting' && !motion.showLiveTally;

function projectMotion(motion: Motion): Motion {
  // A secret ballot's choices are never in any projection: not the sealed totals, not a choice.
  const { sealed: _sealed, ...rest } = motion;
  if (!choicesHidden(motion)) return rest;
  const votes = Object.fromEntries(Object.entries(motion.votes).map(([id, { choice: _choice, ...vote }]) => [id, vote]));
  return { ...rest, votes };
}

function withoutReason({ reason: _reason, ...entry }: AttendanceEntry): AttendanceEntry {
  return entry;
}

/**
 * What a viewer of the given role may see of the state: never a secret
 * ballot's choice or its running totals (only the result once the vote
 * closes); an open vote's choices only once it closes unless the motion shows
 * a live tally; guests and technicians see no reasons of absence. The roll,
 * reasons included, is otherwise read out at the meeting and written in the
 * minutes (DOMAIN.md "Attendance record").
 */
export function project(state: MeetingState, viewer: TokenRole): MeetingState {
  const attendance = OUTSIDERS.includes(viewer)
    ? Object.fromEntries(Object.entries(state.attendance).map(([id, entry]) => [id, withoutReason(entry)]))
    : state.attendance;
  return { ...state, attendance, motions: state.motions.map(projectMotion) };
}

/** What a viewer of the given role may see of one event, given the state before it (see `project`). */
export function projectEvent(event: MeetingEvent, viewer: TokenRole, before?: MeetingState): MeetingEvent {
  if (event.type === 'ballot-cast' && event.choice) {
    const motion = before?.motions.find((m) => m.id === event.motionId);
    if (!motion || choicesHidden(motion)) {
      const { choice: _choice, ...rest } = event;
      return rest;
    }
  }
  if (event.type === 'attendance-marked' && event.reason && OUTSIDERS.includes(viewer)) {
    const { reason: _reason, ...rest } = event;
    return rest;
  }
  return event;
}
