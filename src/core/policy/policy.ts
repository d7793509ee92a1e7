import type { MeetingKind, UnitKind } from '../types.js';

/** Contents of a motion, as tags: some may not be handled online. */
export type ContentTag =
  | 'resolution'
  | 'election'
  | 'discipline'
  | 'admission'
  | 'confirmation'
  | 'rating'
  | 'classified'
  | 'minutes-adoption'
  | 'other';

/**
 * The rules that vary by province or may change, as values (ARCHITECTURE.md
 * "policy"). National defaults below; an integrator overrides any of them.
 */
export interface MeetingPolicy {
  /**
   * HD 03-HD/TW (27/12/2022), eligibility: more than this share of the members
   * (exempt and suspended not counted) cannot meet in one place.
   */
  readonly onlineEligibilityShare: number;
  /** HD 03-HD/TW, annual limits on online meetings (seed 004): base committee 1, cell 3, party-group 3. */
  readonly onlineMeetingsPerYear: Readonly<Record<UnitKind, number>>;
  /** HD 03-HD/TW Mục II 1.2: party-group meetings only in a cell with groups and at least this many members. */
  readonly partyGroupMinMembers: number;
  /**
   * HD 03-HD/TW: contents that may not be handled online [unconfirmed which]; a
   * motion with one of these tags is refused in a fully online meeting.
   */
  readonly contentNotAllowedOnline: readonly ContentTag[];
  /** HD 42-HD/BTCTW (2025): documents posted at least this many days before the meeting. */
  readonly documentsDaysBefore: number;
  /** HD 42-HD/BTCTW (2025): minimum duration in minutes, reported, never enforced by force. */
  readonly minimumMinutes: Readonly<Record<MeetingKind, number>>;
  /** Whether members may mark themselves present online (else only the chair or an operator). */
  readonly selfCheckIn: boolean;
  /**
   * Whether a member temporarily attached here from another cell votes here.
   * [unconfirmed] Default false: they take part and speak; their own cell
   * counts them (QĐ 294-QĐ/TW 9.3.2 subtracts the attached from the cell
   * they leave, and nothing adds them to the cell they join).
   */
  readonly temporarilyAttachedMayVote: boolean;
  /**
   * Whether the chair admits each participant from the lobby before they may
   * act (a waiting room). Off by default: an invite is the admission.
   */
  readonly lobbyAdmission: boolean;
  /**
   * Whether a member muted because the chair gave someone else the floor with
   * "mute others" may switch their own microphone back on. [project choice,
   * no source] Off by default: the chair (chủ trì) runs the discussion, and
   * asking to speak is a raised hand, not an open microphone.
   */
  readonly selfUnmuteDuringFloor: boolean;
}

/** National defaults. */
export const DEFAULT_POLICY: MeetingPolicy = {
  onlineEligibilityShare: 0.5,
  onlineMeetingsPerYear: { 'base-committee': 1, cell: 3, 'party-group': 3 },
  partyGroupMinMembers: 50,
  contentNotAllowedOnline: ['election', 'discipline', 'admission', 'confirmation', 'rating', 'classified'],
  documentsDaysBefore: 1,
  minimumMinutes: { regular: 90, thematic: 90, combined: 120 },
  selfCheckIn: false,
  temporarilyAttachedMayVote: false,
  lobbyAdmission: false,
  selfUnmuteDuringFloor: false,
};

/** The national defaults with an integrator's overrides on top. */
export function resolvePolicy(overrides: Partial<MeetingPolicy> = {}): MeetingPolicy {
  return { ...DEFAULT_POLICY, ...overrides };
}
