import type { AttendanceMark, MeetingDefinition } from './types.js';

/** Commands a participant may send. The server adds `join`/`leave` on connect and disconnect. */
export type Command =
  | { readonly type: 'join' }
  | { readonly type: 'leave' }
  | { readonly type: 'open-meeting' }
  | {
      readonly type: 'mark-attendance';
      readonly memberId: string;
      readonly mark: AttendanceMark;
      readonly reason?: string;
    }
  | { readonly type: 'close-meeting' };

/** The type tag of every command. */
export type CommandType = Command['type'];

/** Facts recorded in a meeting's log. Every event carries the time it happened. */
export type MeetingEvent =
  | { readonly type: 'meeting-created'; readonly at: string; readonly meeting: MeetingDefinition }
  | { readonly type: 'participant-joined'; readonly at: string; readonly participantId: string }
  | { readonly type: 'participant-left'; readonly at: string; readonly participantId: string }
  | { readonly type: 'meeting-opened'; readonly at: string; readonly by: string }
  | {
      readonly type: 'attendance-marked';
      readonly at: string;
      readonly by: string;
      readonly memberId: string;
      readonly mark: AttendanceMark;
      readonly reason?: string;
    }
  | { readonly type: 'meeting-closed'; readonly at: string; readonly by: string };

/** Stable codes of a refused command; user-facing text is looked up by code. */
export type RejectionCode =
  | 'not-allowed'
  | 'wrong-phase'
  | 'unknown-member'
  | 'reason-required'
  | 'already-joined'
  | 'not-joined'
  | 'invalid-message'
  | 'invalid-token'
  | 'token-expired'
  | 'unknown-meeting'
  | 'server-error';

/** Why a command was refused: a code for programs, an English message for logs and developers. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

/** What `decide` returns: the events to record, or why nothing is recorded. */
export type Decision =
  | { readonly events: readonly MeetingEvent[] }
  | { readonly rejection: Rejection };
