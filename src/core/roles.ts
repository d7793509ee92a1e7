import type { MeetingState } from './state.js';
import type { Actor, MeetingRole } from './types.js';

/**
 * The roles an actor holds in this meeting, from the token's role checked
 * against the roster and the meeting's events. A token that names someone not
 * in the meeting, or a role the roster does not back, gives no role at all.
 */
export function meetingRoles(state: MeetingState, actor: Actor): ReadonlySet<MeetingRole> {
  const roles = new Set<MeetingRole>();
  const id = actor.participantId;
  const member = state.cell.members.find((m) => m.id === id);
  if (member && (actor.role === 'member' || actor.role === 'chair')) {
    roles.add(member.status === 'full' ? 'full-member' : 'probationary-member');
    if (actor.role === 'chair') roles.add('chair');
    if (state.recorderId === id) roles.add('recorder');
  }
  if (actor.role === 'delegate' && state.delegates.some((d) => d.id === id)) roles.add('delegate');
  const guest = state.guests?.find((g) => g.id === id);
  if (guest && (actor.role === 'guest' || actor.role === 'technician') && guest.kind === actor.role) roles.add(guest.kind);
  if (roles.size > 0 && state.bridgePoints.some((b) => b.operatorId === id)) roles.add('operator');
  return roles;
}

/** The bridge points this participant operates. */
export function operatedBridgePoints(state: MeetingState, participantId: string): string[] {
  return state.bridgePoints.filter((b) => b.operatorId === participantId).map((b) => b.id);
}

/** The bridge point where a participant attends: their seat, else the main one. */
export function seatOf(state: MeetingState, participantId: string): string {
  return state.seating?.[participantId] ?? state.bridgePoints[0]!.id;
}
