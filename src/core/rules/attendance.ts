import type { AttendanceMark, MeetingState } from '../state.js';

/** An absent member as the minutes name them. */
export interface Absentee {
  readonly memberId: string;
  readonly name: string;
  readonly mark: 'absent-with-reason' | 'absent-without-reason' | 'exempt';
  readonly reason?: string;
}

/**
 * The attendance figures the minutes need (DOMAIN.md "Attendance record";
 * Hướng dẫn 42-HD/BTCTW 2025, opening step: roll call and the report of those
 * present, absent with reason and absent without reason): total members split
 * full / probationary / temporarily attached here; exempt; attending; the
 * absentees by name with reason.
 */
export interface AttendanceCounts {
  /** Members on the roster. */
  readonly total: number;
  /** Đảng viên chính thức. */
  readonly full: number;
  /** Đảng viên dự bị. */
  readonly probationary: number;
  /** Sinh hoạt tạm thời here from another cell. */
  readonly attachedHere: number;
  /** Members exempt from meetings (miễn sinh hoạt), whether or not they came. */
  readonly exempt: number;
  /** Present in person or online. */
  readonly present: number;
  readonly presentInPerson: number;
  readonly presentOnline: number;
  readonly absentWithReason: number;
  readonly absentWithoutReason: number;
  /** Exempt members who did not come. */
  readonly absentExempt: number;
  /** Members the roll has not reached yet. */
  readonly unmarked: number;
  readonly absentees: readonly Absentee[];
}

const isPresent = (mark: AttendanceMark | undefined) => mark === 'present-in-person' || mark === 'present-online';

/** Whether the roll has the member present, in person or online. */
export function isMarkedPresent(state: MeetingState, memberId: string): boolean {
  return isPresent(state.attendance[memberId]?.mark);
}

/** Counts the roll of a meeting. Delegates and guests are not members and are never counted here. */
export function attendanceCounts(state: MeetingState): AttendanceCounts {
  const members = state.cell.members;
  const byMark = (mark: AttendanceMark) => members.filter((m) => state.attendance[m.id]?.mark === mark).length;
  const absentees: Absentee[] = [];
  for (const member of members) {
    const entry = state.attendance[member.id];
    if (entry && !isPresent(entry.mark)) {
      absentees.push({ memberId: member.id, name: member.name, mark: entry.mark as Absentee['mark'], ...(entry.reason ? { reason: entry.reason } : {}) });
    }
  }
  const presentInPerson = byMark('present-in-person');
  const presentOnline = byMark('present-online');
  const full = members.filter((m) => m.status === 'full').length;
  return {
    total: members.length,
    full,
    probationary: members.length - full,
    attachedHere: members.filter((m) => m.flags?.attachedHere).length,
    exempt: members.filter((m) => m.flags?.exempt).length,
    present: presentInPerson + presentOnline,
    presentInPerson,
    presentOnline,
    absentWithReason: byMark('absent-with-reason'),
    absentWithoutReason: byMark('absent-without-reason'),
    absentExempt: byMark('exempt'),
    unmarked: members.filter((m) => !state.attendance[m.id]).length,
    absentees,
  };
}
