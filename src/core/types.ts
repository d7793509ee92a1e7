/**
 * Domain types of a party-cell meeting. Names are English; the Vietnamese terms
 * are in ../shared/DOMAIN.md's glossary and in the user-facing strings.
 */
import type { MeetingPolicy } from './policy/policy.js';
import type { MeetingDocument } from './policy/scheduling.js';

/** Đảng viên chính thức / dự bị. */
export type MemberStatus = 'full' | 'probationary';

/** Flags of a member's standing in the cell (all false when absent). */
export interface MemberFlags {
  /** Miễn công tác và sinh hoạt đảng. */
  readonly exempt?: boolean;
  /** Sinh hoạt tạm thời here, from another cell. */
  readonly attachedHere?: boolean;
  /** Sinh hoạt tạm thời in another cell: on this roster, attending elsewhere. */
  readonly attachedElsewhere?: boolean;
  /** Đình chỉ sinh hoạt (also: prosecuted or detained). */
  readonly suspended?: boolean;
}

/** One member on a cell's roster. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly status: MemberStatus;
  readonly flags?: MemberFlags;
}

/** Chi bộ, đảng bộ cơ sở, or a tổ đảng meeting on its own (HD 03 sets a yearly online limit for each). */
export type UnitKind = 'cell' | 'base-committee' | 'party-group';

/** A party organisation with its roster. */
export interface Cell {
  readonly id: string;
  readonly name: string;
  /** The party committee the cell belongs to, e.g. "Đảng bộ VNPT Yên Bái". */
  readonly parentName?: string;
  /** Defaults to 'cell'. */
  readonly unitKind?: UnitKind;
  readonly members: readonly Member[];
}

/** Someone who takes part without being on the roster. */
export interface Invitee {
  readonly id: string;
  readonly name: string;
  /** The body they represent, e.g. "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh". */
  readonly organization?: string;
}

/** Khách mời or kỹ thuật viên: takes part, never votes. */
export interface Guest extends Invitee {
  readonly kind: 'guest' | 'technician';
}

/** Điểm cầu: one connected location, possibly a room with several people. */
export interface BridgePoint {
  readonly id: string;
  readonly name: string;
  /** Điểm cầu chính: where the chair sits. */
  readonly main?: boolean;
  /** The participant who operates the room (marks the room's roll, records its votes). */
  readonly operatorId?: string;
}

/**
 * The role a verified join token gives. It comes from the token, never from
 * the client. The minute-taker (`recorder`) is not a token role: the meeting
 * elects one of its members.
 */
export type TokenRole = 'chair' | 'member' | 'delegate' | 'guest' | 'technician';

/** @deprecated Use `TokenRole`. */
export type Role = TokenRole;

/**
 * What someone is in one meeting, derived from the token, the roster and the
 * meeting's own events; one person may hold several (the chair is also a full
 * member; the recorder is a member). The authorization table is keyed by these.
 */
export type MeetingRole =
  | 'chair'
  | 'recorder'
  | 'full-member'
  | 'probationary-member'
  | 'delegate'
  | 'guest'
  | 'technician'
  | 'operator';

/** Who performs a command: derived by the server from a verified token. */
export interface Actor {
  readonly participantId: string;
  readonly role: TokenRole;
}

/** Thường kỳ, chuyên đề, or both in one session (run one after the other). */
export type MeetingKind = 'regular' | 'thematic' | 'combined';

/** Trực tiếp, trực tuyến, or trực tiếp kết hợp trực tuyến. */
export type MeetingMode = 'in-person' | 'online' | 'hybrid';

/** scheduled → lobby → open → closing → closed. */
export type MeetingPhase = 'scheduled' | 'lobby' | 'open' | 'closing' | 'closed';

/** What was fixed when the meeting was created: the first event of its log. */
export interface MeetingDefinition {
  readonly id: string;
  readonly title: string;
  readonly cell: Cell;
  /** The member who chairs (usually the bí thư). */
  readonly chairId: string;
  readonly delegates: readonly Invitee[];
  readonly guests?: readonly Guest[];
  /** Planned start, ISO 8601. */
  readonly scheduledAt: string;
  /** Defaults to 'regular'. */
  readonly kind?: MeetingKind;
  /** Defaults to 'online'. */
  readonly mode?: MeetingMode;
  /** The locations; the main one first. Defaults to one online bridge point. */
  readonly bridgePoints?: readonly BridgePoint[];
  /** Where each participant attends (participant id → bridge point id); default: the main bridge point. */
  readonly seating?: Readonly<Record<string, string>>;
  /** Documents sent to members before the meeting (HD 42: at least 1 day before). */
  readonly documents?: readonly MeetingDocument[];
  /** The policy in force, national defaults unless the integrator overrode them. */
  readonly policy?: Partial<MeetingPolicy>;
}
