import type { Command, Decision } from '../commands.js';
import { meetingRoles } from '../roles.js';
import { mayPerform } from '../rules/authorization.js';
import type { MeetingState } from '../state.js';
import type { Actor } from '../types.js';
import { decideAgenda } from './agenda.js';
import { decideDocument, decideLobby, lobbyGate } from './lobby.js';
import { reject, type DecideContext } from './context.js';
import { decideMinutes } from './minutes.js';
import { decideAttendance, decidePhase, decidePresence, decideRecorder } from './session.js';
import { decideSpeakers } from './speakers.js';
import { decideVotes } from './votes.js';

export { MAX_REASON_LENGTH } from './session.js';

/**
 * Validates and authorizes `command` from `actor` against `state`, at time `now`
 * (ISO 8601, given by the caller so that this stays pure). Returns the events
 * to record (and, for a secret ballot, the sealed choice for the ballot box),
 * or a rejection with a stable code; never throws.
 */
export function decide(state: MeetingState, command: Command, actor: Actor, now: string): Decision {
  const roles = meetingRoles(state, actor);
  if (roles.size === 0) return reject('not-allowed', `${actor.participantId} is not a participant of this meeting as ${actor.role}.`);
  if (!mayPerform(roles, command.type)) return reject('not-allowed', `A ${[...roles].join(' and ')} may not ${command.type}.`);
  const ctx: DecideContext = { state, actor, roles, now };
  const waiting = lobbyGate(ctx, command.type);
  if (waiting) return waiting;
  switch (command.type) {
    case 'join':
    case 'leave':
      return decidePresence(ctx, command);
    case 'open-lobby':
    case 'open-meeting':
    case 'begin-closing':
    case 'close-meeting':
      return decidePhase(ctx, command);
    case 'admit':
    case 'refuse-entry':
      return decideLobby(ctx, command);
    case 'post-document':
      return decideDocument(ctx, command);
    case 'elect-recorder':
      return decideRecorder(ctx, command);
    case 'mark-attendance':
      return decideAttendance(ctx, command);
    case 'add-agenda-item':
    case 'move-agenda-item':
    case 'skip-agenda-item':
    case 'start-agenda-item':
    case 'finish-agenda-item':
      return decideAgenda(ctx, command);
    case 'raise-hand':
    case 'lower-hand':
    case 'give-floor':
    case 'end-floor':
      return decideSpeakers(ctx, command);
    case 'create-motion':
    case 'open-vote':
    case 'cast-ballot':
    case 'record-hand-vote':
    case 'record-paper-tally':
    case 'approve-paper-tally':
    case 'close-vote':
      return decideVotes(ctx, command);
    case 'assign-task':
    case 'record-conclusion':
    case 'rate-meeting':
    case 'add-minutes-note':
    case 'read-back-minutes':
    case 'add-minutes-annex':
      return decideMinutes(ctx, command);
  }
}
