import type { MeetingState } from '../types.js';

/**
 * The attendance figures the minutes need (DOMAIN.md "Attendance record";
 * Hướng dẫn 42-HD/BTCTW 2025, opening step: roll call and report of those
 * present, absent with reason and absent without reason).
 */
export interface AttendanceCounts {
  /** Members on the roster. */
  readonly total: number;
  /** Đảng viên chính thức. */
  readonly full: number;
  /** Đảng viên dự bị. */
  readonly probationary: number;
  readonly present: number;
  readonly absentWithReason: number;
  readonly absentWithoutReason: number;
  /** Members the chair has not marked yet. */
  readonly unmarked: number;
}

/** Counts the roll of a meeting. Delegates are not members and are never counted here. */
export function attendanceCounts(state: MeetingState): AttendanceCounts {
  const members = state.cell.members;
  let present = 0;
  let absentWithReason = 0;
  let absentWithoutReason = 0;
  for (const member of members) {
    switch (state.attendance[member.id]?.mark) {
      case 'present-online':
        present++;
        break;
      case 'absent-with-reason':
        absentWithReason++;
        break;
      case 'absent-without-reason':
        absentWithoutReason++;
        break;
      case undefined:
        break;
    }
  }
  const full = members.filter((m) => m.status === 'full').length;
  return {
    total: members.length,
    full,
    probationary: members.length - full,
    present,
    absentWithReason,
    absentWithoutReason,
    unmarked: members.length - present - absentWithReason - absentWithoutReason,
  };
}
