import type { Command, Decision, MeetingEvent, Rejection, RejectionCode } from './commands.js';
import { findParticipant } from './participants.js';
import { mayPerform } from './rules/authorization.js';
import type { Actor, MeetingPhase, MeetingState } from './types.js';

/** Longest accepted reason of absence, in characters. */
export const MAX_REASON_LENGTH = 200;

const reject = (code: RejectionCode, message: string): { rejection: Rejection } => ({
  rejection: { code, message },
});

const accept = (...events: MeetingEvent[]): Decision => ({ events });

function requirePhase(state: MeetingState, allowed: readonly MeetingPhase[], action: string) {
  return allowed.includes(state.phase)
    ? undefined
    : reject('wrong-phase', `Cannot ${action} while the meeting is ${state.phase}.`);
}

/**
 * Validates and authorizes `command` from `actor` against `state`, at time `now`
 * (ISO 8601, given by the caller so that this stays pure). Returns the events
 * to record, or a rejection; never throws.
 */
export function decide(state: MeetingState, command: Command, actor: Actor, now: string): Decision {
  if (!findParticipant(state, actor.participantId)) {
    return reject('not-allowed', `${actor.participantId} is not a participant of this meeting.`);
  }
  if (!mayPerform(actor.role, command.type)) {
    return reject('not-allowed', `A ${actor.role} may not ${command.type}.`);
  }
  const by = actor.participantId;
  switch (command.type) {
    case 'join':
      return state.connected[by]
        ? reject('already-joined', `${by} has already joined.`)
        : accept({ type: 'participant-joined', at: now, participantId: by });
    case 'leave':
      return state.connected[by]
        ? accept({ type: 'participant-left', at: now, participantId: by })
        : reject('not-joined', `${by} has not joined.`);
    case 'open-meeting':
      return requirePhase(state, ['scheduled'], 'open the meeting') ?? accept({ type: 'meeting-opened', at: now, by });
    case 'close-meeting':
      return requirePhase(state, ['open'], 'close the meeting') ?? accept({ type: 'meeting-closed', at: now, by });
    case 'mark-attendance': {
      const wrongPhase = requirePhase(state, ['open'], 'take the roll');
      if (wrongPhase) return wrongPhase;
      if (!state.cell.members.some((m) => m.id === command.memberId)) {
        return reject('unknown-member', `${command.memberId} is not on this cell's roster.`);
      }
      if (command.mark !== 'absent-with-reason') {
        return accept({ type: 'attendance-marked', at: now, by, memberId: command.memberId, mark: command.mark });
      }
      const reason = command.reason?.trim() ?? '';
      if (reason === '' || reason.length > MAX_REASON_LENGTH) {
        return reject('reason-required', `An absence with reason needs a reason of 1 to ${MAX_REASON_LENGTH} characters.`);
      }
      return accept({ type: 'attendance-marked', at: now, by, memberId: command.memberId, mark: command.mark, reason });
    }
  }
}
