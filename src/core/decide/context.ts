import type { Decision, MeetingEvent, Rejection, RejectionCode, SealedBallot } from '../commands.js';
import type { MeetingState } from '../state.js';
import type { Actor, MeetingPhase, MeetingRole } from '../types.js';

/** What every part of `decide` knows about the command in hand. */
export interface DecideContext {
  readonly state: MeetingState;
  readonly actor: Actor;
  readonly roles: ReadonlySet<MeetingRole>;
  /** ISO 8601, given by the caller so that decide stays pure. */
  readonly now: string;
}

/** A refusal. */
export const reject = (code: RejectionCode, message: string): { rejection: Rejection } => ({ rejection: { code, message } });

/** An acceptance: the events to record, and a sealed secret ballot if any. */
export const accept = (events: MeetingEvent[], sealed?: SealedBallot): Decision => (sealed ? { events, sealed } : { events });

/** Refuses unless the meeting is in one of the given phases. */
export function requirePhase(state: MeetingState, allowed: readonly MeetingPhase[], action: string) {
  return allowed.includes(state.phase) ? undefined : reject('wrong-phase', `Cannot ${action} while the meeting is ${state.phase}.`);
}

/** Phases in which the meeting is under way. */
export const IN_SESSION: readonly MeetingPhase[] = ['open', 'closing'];

/** Whether the meeting is under way (open or closing): when the roll, speakers and votes happen. */
export const inSession = (state: MeetingState): boolean => IN_SESSION.includes(state.phase);

/** Longest free text accepted (a reason, a note, a title), in characters. */
export const MAX_TEXT = 2000;

/** Refuses an empty or over-long text. */
export function requireText(text: string | undefined, field: string, max = MAX_TEXT) {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' || trimmed.length > max ? reject('invalid-value', `${field} must be 1 to ${max} characters.`) : undefined;
}
