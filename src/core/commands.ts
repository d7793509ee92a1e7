import type { ContentTag } from './policy/policy.js';
import type { MinutesModel } from './minutes.js';
import type { MeetingDocument } from './policy/scheduling.js';
import type { AgendaStep, AttendanceMark, Choice, Threshold, VoteResult } from './state.js';
import type { BridgePoint, Invitee, MeetingDefinition } from './types.js';

/** A new agenda item as the chair adds it. */
export interface NewAgendaItem {
  readonly id: string;
  readonly title: string;
  readonly step: AgendaStep;
  readonly plannedMinutes: number;
}

/** A motion as the chair drafts it. */
export interface NewMotion {
  readonly id: string;
  readonly title: string;
  readonly ballot: 'open' | 'secret';
  readonly threshold: Threshold;
  readonly tags: readonly ContentTag[];
  readonly allowChange?: boolean;
  readonly showLiveTally?: boolean;
}

/**
 * Commands participants send. The server adds `join` and `leave` on connect
 * and disconnect; everything else comes from a client and is authorized by
 * the table in rules/authorization.ts.
 */
export type Command =
  | { readonly type: 'join' }
  | { readonly type: 'leave' }
  // phases
  | { readonly type: 'open-lobby' }
  | { readonly type: 'open-meeting' }
  | { readonly type: 'begin-closing' }
  | { readonly type: 'close-meeting' }
  // lobby
  | { readonly type: 'admit'; readonly participantId: string }
  | { readonly type: 'refuse-entry'; readonly participantId: string; readonly reason?: string }
  // documents
  | { readonly type: 'post-document'; readonly document: Omit<MeetingDocument, 'postedAt'> }
  // opening steps
  | { readonly type: 'elect-recorder'; readonly memberId: string }
  | {
      readonly type: 'mark-attendance';
      readonly memberId: string;
      readonly mark: AttendanceMark;
      readonly reason?: string;
      readonly reasonAccepted?: boolean;
      readonly bridgePointId?: string;
    }
  // agenda
  | { readonly type: 'add-agenda-item'; readonly item: NewAgendaItem; readonly afterId?: string }
  | { readonly type: 'move-agenda-item'; readonly itemId: string; readonly toIndex: number }
  | { readonly type: 'skip-agenda-item'; readonly itemId: string; readonly reason: string }
  | { readonly type: 'start-agenda-item'; readonly itemId: string }
  | { readonly type: 'finish-agenda-item' }
  // speakers
  | { readonly type: 'raise-hand' }
  | { readonly type: 'lower-hand'; readonly participantId?: string }
  | { readonly type: 'give-floor'; readonly participantId: string; readonly muteOthers?: boolean }
  | { readonly type: 'end-floor' }
  // votes
  | { readonly type: 'create-motion'; readonly motion: NewMotion }
  | { readonly type: 'open-vote'; readonly motionId: string }
  | { readonly type: 'cast-ballot'; readonly motionId: string; readonly choice: Choice }
  | { readonly type: 'record-hand-vote'; readonly motionId: string; readonly memberId: string; readonly choice: Choice }
  | {
      readonly type: 'record-paper-tally';
      readonly motionId: string;
      readonly bridgePointId: string;
      readonly agree: number;
      readonly disagree: number;
      readonly other: number;
    }
  | { readonly type: 'approve-paper-tally'; readonly motionId: string; readonly bridgePointId: string }
  | { readonly type: 'close-vote'; readonly motionId: string }
  // conclusions and minutes
  | { readonly type: 'assign-task'; readonly taskId: string; readonly description: string; readonly assigneeId: string; readonly deadline: string }
  | { readonly type: 'record-conclusion'; readonly text: string }
  | { readonly type: 'rate-meeting'; readonly score: number; readonly note?: string }
  | { readonly type: 'add-minutes-note'; readonly text: string; readonly agendaItemId?: string }
  | { readonly type: 'read-back-minutes' }
  | { readonly type: 'add-minutes-annex'; readonly text: string };

/** The type tag of every command. */
export type CommandType = Command['type'];

/**
 * Commands only the server gives, on behalf of the portal's backend (an admin
 * token), never a participant: they are not in the client protocol and not in
 * the authorization table. See `decideServerCommand`.
 */
export type ServerCommand =
  /**
   * The upper level assigns one of its standing-committee members to attend,
   * from a bridge point of the meeting or their own one, added here
   * (seed 003; Quy định 08-QĐ/TU 2021; seed 004).
   */
  | { readonly type: 'assign-delegate'; readonly delegate: Invitee; readonly bridgePoint?: BridgePoint }
  /**
   * The upper level changes its mind before the meeting opens: the delegate is
   * no longer expected (refused once the meeting opened, or once they joined).
   */
  | { readonly type: 'unassign-delegate'; readonly delegateId: string };

/** The command of one type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

interface Base {
  readonly at: string;
}

/** Facts recorded in a meeting's log. Every event carries the time it happened. */
export type MeetingEvent =
  | (Base & { readonly type: 'meeting-created'; readonly meeting: MeetingDefinition })
  | (Base & { readonly type: 'participant-joined'; readonly participantId: string })
  | (Base & { readonly type: 'participant-left'; readonly participantId: string })
  | (Base & { readonly type: 'lobby-opened'; readonly by: string })
  | (Base & { readonly type: 'meeting-opened'; readonly by: string })
  | (Base & { readonly type: 'closing-begun'; readonly by: string })
  | (Base & { readonly type: 'meeting-closed'; readonly by: string })
  | (Base & { readonly type: 'participant-admitted'; readonly by: string; readonly participantId: string })
  | (Base & { readonly type: 'participant-refused'; readonly by: string; readonly participantId: string; readonly reason?: string })
  | (Base & { readonly type: 'document-posted'; readonly by: string; readonly document: MeetingDocument })
  | (Base & { readonly type: 'recorder-elected'; readonly by: string; readonly memberId: string })
  | (Base & {
      readonly type: 'attendance-marked';
      readonly by: string;
      readonly memberId: string;
      readonly mark: AttendanceMark;
      readonly reason?: string;
      readonly reasonAccepted?: boolean;
      readonly bridgePointId?: string;
    })
  | (Base & { readonly type: 'agenda-item-added'; readonly by: string; readonly item: NewAgendaItem; readonly index: number })
  | (Base & { readonly type: 'agenda-item-moved'; readonly by: string; readonly itemId: string; readonly toIndex: number })
  | (Base & { readonly type: 'agenda-item-skipped'; readonly by: string; readonly itemId: string; readonly reason: string })
  | (Base & { readonly type: 'agenda-item-started'; readonly by: string; readonly itemId: string })
  | (Base & { readonly type: 'agenda-item-finished'; readonly by: string; readonly itemId: string })
  | (Base & { readonly type: 'hand-raised'; readonly participantId: string })
  | (Base & { readonly type: 'hand-lowered'; readonly participantId: string; readonly by: string })
  | (Base & { readonly type: 'floor-given'; readonly by: string; readonly participantId: string; readonly muteOthers: boolean })
  | (Base & { readonly type: 'floor-ended'; readonly by: string; readonly participantId: string })
  | (Base & { readonly type: 'motion-created'; readonly by: string; readonly motion: NewMotion })
  | (Base & { readonly type: 'vote-opened'; readonly by: string; readonly motionId: string })
  | (Base & {
      readonly type: 'ballot-cast';
      readonly motionId: string;
      readonly voterId: string;
      /** 'online', or the bridge point whose operator recorded it. */
      readonly source: string;
      /** Only for open votes: a secret ballot's choice never enters the log. */
      readonly choice?: Choice;
      /** Who recorded it: the voter, or a bridge point's operator. */
      readonly by: string;
    })
  | (Base & {
      readonly type: 'paper-tally-recorded';
      readonly by: string;
      readonly motionId: string;
      readonly bridgePointId: string;
      readonly agree: number;
      readonly disagree: number;
      readonly other: number;
    })
  | (Base & { readonly type: 'paper-tally-approved'; readonly by: string; readonly motionId: string; readonly bridgePointId: string })
  | (Base & { readonly type: 'vote-closed'; readonly by: string; readonly motionId: string; readonly result: VoteResult })
  | (Base & { readonly type: 'task-assigned'; readonly by: string; readonly taskId: string; readonly description: string; readonly assigneeId: string; readonly deadline: string })
  | (Base & { readonly type: 'conclusion-recorded'; readonly by: string; readonly text: string })
  | (Base & { readonly type: 'meeting-rated'; readonly by: string; readonly score: number; readonly note?: string })
  | (Base & { readonly type: 'minutes-note-added'; readonly by: string; readonly text: string; readonly agendaItemId?: string })
  | (Base & { readonly type: 'minutes-read-back'; readonly by: string })
  | (Base & {
      readonly type: 'minutes-adopted';
      readonly by: string;
      readonly motionId: string;
      /** The minutes as adopted: the text of record, never rebuilt from later events. */
      readonly record: MinutesModel;
    })
  | (Base & { readonly type: 'minutes-annex-added'; readonly by: string; readonly text: string })
  /** `by` is the portal user (the admin token's subject); a new bridge point is added, and the delegate seated there. */
  | (Base & { readonly type: 'delegate-assigned'; readonly by: string; readonly delegate: Invitee; readonly bridgePoint?: BridgePoint })
  /** `by` is the portal user; the delegate leaves the meeting's participants and seating (any bridge point stays). */
  | (Base & { readonly type: 'delegate-unassigned'; readonly by: string; readonly delegateId: string });

/** The type tag of every event. */
export type EventType = MeetingEvent['type'];

/** A secret ballot's choice, which `decide` hands to the ballot box instead of the log. */
export interface SealedBallot {
  readonly motionId: string;
  readonly choice: Choice;
}

/** Stable codes of a refused command; user-facing text is in messages.ts. */
export type RejectionCode =
  | 'not-allowed'
  | 'wrong-phase'
  | 'unknown-member'
  | 'unknown-participant'
  | 'reason-required'
  | 'not-exempt'
  | 'unknown-bridge-point'
  | 'mode-mismatch'
  | 'already-joined'
  | 'delegate-joined'
  | 'not-joined'
  | 'not-present'
  | 'not-admitted'
  | 'no-lobby'
  | 'unknown-agenda-item'
  | 'agenda-item-not-pending'
  | 'no-running-item'
  | 'duplicate-id'
  | 'invalid-value'
  | 'hand-already-raised'
  | 'hand-not-raised'
  | 'no-floor'
  | 'unknown-motion'
  | 'wrong-vote-status'
  | 'vote-in-progress'
  | 'not-eligible'
  | 'already-voted'
  | 'vote-at-bridge-point'
  | 'threshold-too-low'
  | 'secret-not-changeable'
  | 'content-not-allowed-online'
  | 'no-eligible-voters'
  | 'paper-tally-too-large'
  | 'paper-tally-unapproved'
  | 'minutes-locked'
  | 'minutes-not-adopted'
  | 'invalid-message'
  | 'rate-limited'
  | 'too-many-connections'
  | 'invalid-token'
  | 'token-expired'
  | 'invite-revoked'
  | 'unknown-meeting'
  | 'server-error';

/** Why a command was refused: a stable code and an English message with the specifics. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

/** What `decide` returns: the events to record (and a sealed secret ballot), or why nothing is recorded. */
export type Decision =
  | { readonly events: readonly MeetingEvent[]; readonly sealed?: SealedBallot }
  | { readonly rejection: Rejection };
