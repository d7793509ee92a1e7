import { findParticipant, meetingRoles, mayPerform, vietnamParts, type MeetingState } from '../../core/index.js';
import type { Self } from '../../client/index.js';

/** Which screen the gate shows the viewer. */
export type LobbyView =
  /** Nothing: the policy is off for a participant, or they are in, or the meeting is not loaded. */
  | 'none'
  /** A participant waiting for the chair. */
  | 'waiting'
  /** A participant the chair turned away. */
  | 'refused'
  /** A participant just let in, while the notice lasts. */
  | 'admitted'
  /** The chair, with the waiting room in use. */
  | 'chair'
  /** The chair of a meeting without a waiting room: one short note. */
  | 'chair-no-lobby';

/** One person in the chair's lists, with the name and kind to show. */
export interface LobbyPerson {
  readonly id: string;
  readonly name: string;
  readonly kind?: 'member' | 'delegate' | 'guest' | 'technician';
  /** Since when they are connected (the waiting list) or when the chair let them in (the admitted list). */
  readonly since?: string;
  readonly online: boolean;
  readonly reason?: string;
}

/** Whether the viewer is the one who admits: the core's authorization table decides, not a role name. */
export function admits(meeting: MeetingState, you: Self | undefined): boolean {
  return you !== undefined && mayPerform(meetingRoles(meeting, you), 'admit');
}

/**
 * The viewer's standing at the gate, read from the state the core keeps
 * (`admitted`, `refused`); `lobbyGate` in the core is what actually holds a
 * participant back.
 */
export function standing(meeting: MeetingState, you: Self | undefined): Exclude<LobbyView, 'admitted'> | 'in' {
  if (!you) return 'none';
  if (admits(meeting, you)) return meeting.phase === 'closed' ? 'none' : meeting.policy.lobbyAdmission ? 'chair' : 'chair-no-lobby';
  if (!meeting.policy.lobbyAdmission) return 'none';
  if (meeting.refused[you.participantId]) return 'refused';
  return meeting.admitted[you.participantId] ? 'in' : 'waiting';
}

function person(meeting: MeetingState, id: string, since?: string, reason?: string): LobbyPerson {
  const info = findParticipant(meeting, id);
  return {
    id,
    name: info?.name ?? id,
    ...(info ? { kind: info.kind } : {}),
    ...(since ? { since } : {}),
    online: id in meeting.connected,
    ...(reason ? { reason } : {}),
  };
}

/** Who waits for the chair: connected, neither let in nor turned away, not the chair; longest wait first. */
export function waitingPeople(meeting: MeetingState): LobbyPerson[] {
  return Object.entries(meeting.connected)
    .filter(([id]) => id !== meeting.chairId && !meeting.admitted[id] && !meeting.refused[id])
    .sort(([, a], [, b]) => Date.parse(a.since) - Date.parse(b.since))
    .map(([id, presence]) => person(meeting, id, presence.since));
}

/** Who the chair let in, in the order let in. */
export function admittedPeople(meeting: MeetingState): LobbyPerson[] {
  return Object.entries(meeting.admitted)
    .sort(([, a], [, b]) => Date.parse(a) - Date.parse(b))
    .map(([id, at]) => person(meeting, id, at));
}

/** Who the chair turned away, with the reason given. */
export function refusedPeople(meeting: MeetingState): LobbyPerson[] {
  return Object.entries(meeting.refused).map(([id, { at, reason }]) => person(meeting, id, at, reason));
}

/** "19:32" in Vietnam time, whatever the viewer's clock. */
export function timeOfDay(iso: string): string {
  const { hour, minute } = vietnamParts(iso);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
