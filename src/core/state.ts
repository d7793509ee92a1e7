import type { MinutesModel } from './minutes.js';
import type { ContentTag, MeetingPolicy } from './policy/policy.js';
import type { MeetingDocument } from './policy/scheduling.js';
import type { BridgePoint, MeetingDefinition, MeetingKind, MeetingMode, MeetingPhase } from './types.js';

/** The marks of the roll (DOMAIN.md "Attendance record"). */
export type AttendanceMark = 'present-in-person' | 'present-online' | 'absent-with-reason' | 'absent-without-reason' | 'exempt';

/** One member's entry in the roll. */
export interface AttendanceEntry {
  readonly mark: AttendanceMark;
  /** Required for absent-with-reason; never shown to a guest (see project). */
  readonly reason?: string;
  /** Whether the convener accepted the reason (QĐ 294-QĐ/TW 9.3.2); true unless said otherwise. */
  readonly reasonAccepted?: boolean;
  /** Where a present member attends. */
  readonly bridgePointId?: string;
  readonly markedAt: string;
  readonly markedBy: string;
}

/** A live connection's presence. */
export interface Presence {
  readonly since: string;
}

/** One stretch of time a participant was connected: join and leave times for the record. */
export interface PresenceSpan {
  readonly joinedAt: string;
  readonly leftAt?: string;
}

/** The step of HD 42-HD/BTCTW (2025) an agenda item belongs to. */
export type AgendaStep = 'opening' | 'content' | 'closing';

/** One item of the program. */
export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly step: AgendaStep;
  /** Which part of a combined session: the regular meeting or the thematic one. */
  readonly part: 'regular' | 'thematic';
  readonly plannedMinutes: number;
  readonly status: 'pending' | 'running' | 'done' | 'skipped';
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly skipReason?: string;
}

/** A raised hand, in the order raised. */
export interface RaisedHand {
  readonly participantId: string;
  readonly raisedAt: string;
}

/** Who has the floor; media mutes everyone else when `muteOthers`. */
export interface Floor {
  readonly participantId: string;
  readonly since: string;
  readonly muteOthers: boolean;
  readonly agendaItemId?: string;
}

/** A finished turn at the floor, for speaking time and the minutes. */
export interface Speech {
  readonly participantId: string;
  readonly from: string;
  readonly to: string;
  readonly agendaItemId?: string;
}

/** Tán thành / không tán thành / ý kiến khác. */
export type Choice = 'agree' | 'disagree' | 'other';

/** Counts of choices. */
export interface Tally {
  readonly agree: number;
  readonly disagree: number;
  readonly other: number;
}

/** One voter's participation in a vote; the choice only for open (named) votes. */
export interface VoteRecord {
  readonly at: string;
  /** 'online', or the bridge point whose operator recorded the raised hand. */
  readonly source: string;
  readonly choice?: Choice;
}

/** The totals of a bridge point's paper ballots, counted by its vote-counting team. */
export interface PaperTally extends Tally {
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** The chair signs the totals off before the vote can close. */
  readonly approved: boolean;
}

/** How the denominator was reached (QĐ 294-QĐ/TW, 9.3.2). */
export interface Denominator {
  /** Full members called to the meeting. */
  readonly called: number;
  readonly attachedElsewhere: number;
  readonly exemptAbsent: number;
  readonly suspended: number;
  readonly absentWithAcceptedReason: number;
  /** called minus the four exclusions. */
  readonly value: number;
}

/** Biểu quyết thresholds. */
export type Threshold = 'majority' | 'two-thirds';

/** The outcome of a vote, with every number and the rule applied. */
export interface VoteResult {
  readonly tally: Tally;
  readonly cast: number;
  readonly denominator: Denominator;
  readonly threshold: Threshold;
  /** The least number of agree votes that passes. */
  readonly required: number;
  readonly passed: boolean;
  /** agree ÷ denominator × 100, one decimal. */
  readonly percent: number;
  /** Online and per bridge point (key: 'online' or the bridge point id). */
  readonly bySource: Readonly<Record<string, Tally>>;
  /** Named choices of an open vote; absent for a secret ballot. */
  readonly named?: Readonly<Record<string, Choice>>;
}

/** A motion put to the vote. */
export interface Motion {
  readonly id: string;
  readonly title: string;
  readonly ballot: 'open' | 'secret';
  readonly threshold: Threshold;
  readonly tags: readonly ContentTag[];
  /** A voter may change an open ballot until the vote closes. */
  readonly allowChange: boolean;
  /** Show the running tally before the vote closes. */
  readonly showLiveTally: boolean;
  readonly status: 'draft' | 'voting' | 'closed';
  readonly openedAt?: string;
  readonly closedAt?: string;
  /** Who has voted (both kinds); the choice only for open votes. */
  readonly votes: Readonly<Record<string, VoteRecord>>;
  /**
   * Secret online choices, as totals only: kept out of the event log (the
   * server keeps them in a ballot box of counts) and out of every projection.
   */
  readonly sealed?: Tally;
  readonly paper: Readonly<Record<string, PaperTally>>;
  readonly result?: VoteResult;
}

/** A task assigned with a person and a deadline (HD 42: assign tasks with deadlines). */
export interface Task {
  readonly id: string;
  readonly description: string;
  readonly assigneeId: string;
  readonly deadline: string;
  readonly assignedAt: string;
}

/** A note in the minutes: the recorder's, or an annex after adoption. */
export interface MinutesNote {
  readonly text: string;
  readonly by: string;
  readonly at: string;
  readonly agendaItemId?: string;
}

/** The minutes' life: drafted, read back, adopted (then locked). */
export interface MinutesState {
  readonly status: 'draft' | 'read-back' | 'adopted';
  readonly notes: readonly MinutesNote[];
  readonly annexes: readonly MinutesNote[];
  readonly readBackAt?: string;
  readonly adoptedAt?: string;
  /** The motion whose vote adopted the minutes. */
  readonly adoptionMotionId?: string;
  /** The minutes as adopted, frozen: later events never change them (only annexes follow). */
  readonly record?: MinutesModel;
}

/** The whole state of one meeting, rebuilt by folding its event log with `evolve`. */
export interface MeetingState extends MeetingDefinition {
  readonly kind: MeetingKind;
  readonly mode: MeetingMode;
  readonly bridgePoints: readonly BridgePoint[];
  readonly policy: MeetingPolicy;
  readonly phase: MeetingPhase;
  readonly lobbyAt?: string;
  readonly openedAt?: string;
  readonly closingAt?: string;
  readonly closedAt?: string;
  /** Keyed by participant id (a member, a delegate or a guest). */
  readonly connected: Readonly<Record<string, Presence>>;
  readonly presence: Readonly<Record<string, readonly PresenceSpan[]>>;
  /** Keyed by member id; a member not in here has not been marked yet. */
  readonly attendance: Readonly<Record<string, AttendanceEntry>>;
  /** With lobby admission: who the chair admitted, and when. */
  readonly admitted: Readonly<Record<string, string>>;
  /** With lobby admission: who the chair turned away, with the reason given. */
  readonly refused: Readonly<Record<string, { readonly at: string; readonly reason?: string }>>;
  /** The meeting's documents: those of the definition and those posted since. */
  readonly documents: readonly MeetingDocument[];
  /** The elected minute-taker (thư ký). */
  readonly recorderId?: string;
  readonly agenda: readonly AgendaItem[];
  readonly hands: readonly RaisedHand[];
  readonly floor?: Floor;
  readonly speeches: readonly Speech[];
  /** In the order created. */
  readonly motions: readonly Motion[];
  readonly tasks: readonly Task[];
  readonly conclusions: readonly MinutesNote[];
  readonly rating?: { readonly score: number; readonly note?: string; readonly by: string; readonly at: string };
  readonly minutes: MinutesState;
}
