import type { MeetingDefinition } from './types.js';

/** A member or delegate of a meeting, with the name to show. */
export interface ParticipantInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'member' | 'delegate';
}

/** Finds a member or delegate of the meeting by id. */
export function findParticipant(meeting: MeetingDefinition, id: string): ParticipantInfo | undefined {
  const member = meeting.cell.members.find((m) => m.id === id);
  if (member) return { id, name: member.name, kind: 'member' };
  const delegate = meeting.delegates.find((d) => d.id === id);
  return delegate ? { id, name: delegate.name, kind: 'delegate' } : undefined;
}
