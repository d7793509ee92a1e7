import type { MeetingDefinition, TokenRole } from './types.js';

/** A member, delegate or guest of a meeting, with the name to show. */
export interface ParticipantInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'member' | 'delegate' | 'guest' | 'technician';
}

/** Finds a member, delegate or guest of the meeting by id. */
export function findParticipant(meeting: MeetingDefinition, id: string): ParticipantInfo | undefined {
  const member = meeting.cell.members.find((m) => m.id === id);
  if (member) return { id, name: member.name, kind: 'member' };
  const delegate = meeting.delegates.find((d) => d.id === id);
  if (delegate) return { id, name: delegate.name, kind: 'delegate' };
  const guest = meeting.guests?.find((g) => g.id === id);
  return guest ? { id, name: guest.name, kind: guest.kind } : undefined;
}

/** The token role a participant would be invited with: the chair's, a member's, a delegate's or a guest's. */
export function invitationRole(meeting: MeetingDefinition, id: string): TokenRole | undefined {
  const found = findParticipant(meeting, id);
  if (!found) return undefined;
  if (found.kind === 'member') return id === meeting.chairId ? 'chair' : 'member';
  return found.kind;
}
