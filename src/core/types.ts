/**
 * Domain types of a party-cell meeting. Names are English; the Vietnamese terms
 * are in ../shared/DOMAIN.md's glossary and in the user-facing strings.
 */

/** Đảng viên chính thức / dự bị. */
export type MemberStatus = 'full' | 'probationary';

/** One member on a cell's roster. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly status: MemberStatus;
}

/** A chi bộ with its roster. */
export interface Cell {
  readonly id: string;
  readonly name: string;
  /** The party committee the cell belongs to, e.g. "Đảng bộ VNPT Yên Bái". */
  readonly parentName?: string;
  readonly members: readonly Member[];
}

/** Đại biểu cấp trên: follows from another bridge point, never votes. */
export interface Delegate {
  readonly id: string;
  readonly name: string;
  /** The upper-level body the delegate represents. */
  readonly organization: string;
}

/**
 * A participant's role in one meeting. It comes from the signed join token,
 * never from the client.
 */
export type Role = 'chair' | 'member' | 'delegate';

/** Who performs a command: derived by the server from a verified token. */
export interface Actor {
  readonly participantId: string;
  readonly role: Role;
}

/** scheduled → open → closed for now; lobby and closing come with the full procedure. */
export type MeetingPhase = 'scheduled' | 'open' | 'closed';

/** The marks a chair records at roll call (the minutes' categories). */
export type AttendanceMark = 'present-online' | 'absent-with-reason' | 'absent-without-reason';

/** One member's entry in the roll. */
export interface AttendanceEntry {
  readonly mark: AttendanceMark;
  /** Required for absent-with-reason; never shown to a guest (see project). */
  readonly reason?: string;
  readonly markedAt: string;
}

/** What was fixed when the meeting was created: the first event of its log. */
export interface MeetingDefinition {
  readonly id: string;
  readonly title: string;
  readonly cell: Cell;
  /** The member who chairs (usually the bí thư). */
  readonly chairId: string;
  readonly delegates: readonly Delegate[];
  /** Planned start, ISO 8601. */
  readonly scheduledAt: string;
}

/** A participant who currently has at least one live connection. */
export interface Presence {
  readonly since: string;
}

/** The whole state of one meeting, rebuilt by folding its event log with `evolve`. */
export interface MeetingState extends MeetingDefinition {
  readonly phase: MeetingPhase;
  readonly openedAt?: string;
  readonly closedAt?: string;
  /** Keyed by participant id (a member or a delegate). */
  readonly connected: Readonly<Record<string, Presence>>;
  /** Keyed by member id; a member not in here has not been marked yet. */
  readonly attendance: Readonly<Record<string, AttendanceEntry>>;
}
