import type { MeetingEvent } from './commands.js';
import type { MeetingState } from './types.js';

/**
 * Applies one recorded event. Pure and total for a well-formed log; the only
 * error is a log that does not start with `meeting-created`, which is corrupt.
 */
export function evolve(state: MeetingState | undefined, event: MeetingEvent): MeetingState {
  if (event.type === 'meeting-created') {
    return { ...event.meeting, phase: 'scheduled', connected: {}, attendance: {} };
  }
  if (!state) throw new Error(`A meeting's log must start with meeting-created, not ${event.type}.`);
  switch (event.type) {
    case 'participant-joined':
      return { ...state, connected: { ...state.connected, [event.participantId]: { since: event.at } } };
    case 'participant-left': {
      const { [event.participantId]: _gone, ...connected } = state.connected;
      return { ...state, connected };
    }
    case 'meeting-opened':
      return { ...state, phase: 'open', openedAt: event.at };
    case 'meeting-closed':
      return { ...state, phase: 'closed', closedAt: event.at };
    case 'attendance-marked': {
      const entry = event.reason === undefined
        ? { mark: event.mark, markedAt: event.at }
        : { mark: event.mark, reason: event.reason, markedAt: event.at };
      return { ...state, attendance: { ...state.attendance, [event.memberId]: entry } };
    }
  }
}

/** Folds a whole log into the meeting's state. */
export function replay(events: Iterable<MeetingEvent>): MeetingState {
  let state: MeetingState | undefined;
  for (const event of events) state = evolve(state, event);
  if (!state) throw new Error('An empty log has no meeting.');
  return state;
}
