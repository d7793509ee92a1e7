import type { CommandOf, Decision } from '../commands.js';
import { findParticipant } from '../participants.js';
import { operatedBridgePoints, seatOf } from '../roles.js';
import { accept, IN_SESSION, reject, requirePhase, requireText, type DecideContext } from './context.js';

/** Longest reason of absence, in characters. */
export const MAX_REASON_LENGTH = 200;

/** join and leave: presence, with join and leave times kept for the record. */
export function decidePresence({ state, actor, now }: DecideContext, command: CommandOf<'join' | 'leave'>): Decision {
  const id = actor.participantId;
  if (command.type === 'join') {
    return state.connected[id] ? reject('already-joined', `${id} has already joined.`) : accept([{ type: 'participant-joined', at: now, participantId: id }]);
  }
  return state.connected[id] ? accept([{ type: 'participant-left', at: now, participantId: id }]) : reject('not-joined', `${id} has not joined.`);
}

/** The chair moves the meeting through scheduled → lobby → open → closing → closed. */
export function decidePhase({ state, actor, now }: DecideContext, command: CommandOf<'open-lobby' | 'open-meeting' | 'begin-closing' | 'close-meeting'>): Decision {
  const by = actor.participantId;
  switch (command.type) {
    case 'open-lobby':
      return requirePhase(state, ['scheduled'], 'open the lobby') ?? accept([{ type: 'lobby-opened', at: now, by }]);
    case 'open-meeting':
      return requirePhase(state, ['scheduled', 'lobby'], 'open the meeting') ?? accept([{ type: 'meeting-opened', at: now, by }]);
    case 'begin-closing':
      return requirePhase(state, ['open'], 'begin the closing') ?? accept([{ type: 'closing-begun', at: now, by }]);
    case 'close-meeting': {
      const wrong = requirePhase(state, IN_SESSION, 'close the meeting');
      if (wrong) return wrong;
      const voting = state.motions.find((m) => m.status === 'voting');
      if (voting) return reject('vote-in-progress', `Close the vote on "${voting.title}" before closing the meeting.`);
      return accept([{ type: 'meeting-closed', at: now, by }]);
    }
  }
}

/** The meeting elects its minute-taker in the opening step (HD 42-HD/BTCTW); the chair records the choice. */
export function decideRecorder({ state, actor, now }: DecideContext, command: CommandOf<'elect-recorder'>): Decision {
  const wrong = requirePhase(state, IN_SESSION, 'elect the minute-taker');
  if (wrong) return wrong;
  if (state.minutes.status === 'adopted') return reject('minutes-locked', 'The minutes were adopted; the minute-taker of record stays.');
  if (!state.cell.members.some((m) => m.id === command.memberId)) {
    return reject('unknown-member', `${command.memberId} is not on this cell's roster.`);
  }
  return accept([{ type: 'recorder-elected', at: now, by: actor.participantId, memberId: command.memberId }]);
}

/**
 * The roll: the chair marks anyone; a bridge point's operator marks members
 * present in person in their own room; a member marks only themselves present
 * online, and only when the policy allows self check-in.
 */
export function decideAttendance(ctx: DecideContext, command: CommandOf<'mark-attendance'>): Decision {
  const { state, actor, roles, now } = ctx;
  const wrong = requirePhase(state, IN_SESSION, 'take the roll');
  if (wrong) return wrong;
  const member = state.cell.members.find((m) => m.id === command.memberId);
  if (!member) return reject('unknown-member', `${command.memberId} is not on this cell's roster.`);
  // In a room: the member's own bridge point unless another is named. Online: a bridge point only if named.
  const bridgePointId = command.bridgePointId ?? (command.mark === 'present-in-person' ? seatOf(state, member.id) : undefined);
  if (bridgePointId && !state.bridgePoints.some((b) => b.id === bridgePointId)) {
    return reject('unknown-bridge-point', `There is no bridge point ${bridgePointId}.`);
  }
  if (!roles.has('chair')) {
    const operated = operatedBridgePoints(state, actor.participantId);
    const asOperator = command.mark === 'present-in-person' && bridgePointId !== undefined && operated.includes(bridgePointId);
    const selfCheckIn = state.policy.selfCheckIn && command.memberId === actor.participantId && command.mark === 'present-online';
    if (!asOperator && !selfCheckIn) {
      return reject('not-allowed', 'Only the chair takes the roll; an operator marks only those present in their own room.');
    }
  }
  // A fully online meeting has no room to be present in, and an in-person one no online seat (HD 03-HD/TW forms).
  if ((command.mark === 'present-in-person' && state.mode === 'online') || (command.mark === 'present-online' && state.mode === 'in-person')) {
    return reject('mode-mismatch', `A ${state.mode} meeting has no ${command.mark === 'present-online' ? 'online' : 'in-person'} attendance.`);
  }
  if (command.mark === 'exempt' && !member.flags?.exempt) {
    return reject('not-exempt', `${member.name} is not exempt from meetings.`);
  }
  const base = { type: 'attendance-marked' as const, at: now, by: actor.participantId, memberId: member.id, mark: command.mark };
  if (command.mark === 'absent-with-reason') {
    const bad = requireText(command.reason, 'An absence with reason needs a reason, which', MAX_REASON_LENGTH);
    if (bad) return reject('reason-required', bad.rejection.message);
    return accept([{ ...base, reason: command.reason!.trim(), reasonAccepted: command.reasonAccepted ?? true }]);
  }
  return accept([bridgePointId && command.mark.startsWith('present') ? { ...base, bridgePointId } : base]);
}

/** Finds a participant of the meeting (member, delegate or guest) or refuses. */
export function requireParticipant(ctx: DecideContext, participantId: string) {
  return findParticipant(ctx.state, participantId) ? undefined : reject('unknown-participant', `${participantId} is not a participant of this meeting.`);
}
