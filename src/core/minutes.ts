import { findParticipant } from './participants.js';
import { attendanceCounts, type AttendanceCounts } from './rules/attendance.js';
import type { AgendaItem, MeetingState, MinutesNote, VoteResult } from './state.js';
import { vietnameseDate, vietnamParts } from './time.js';

/** One item of the program as the minutes tell it. */
export interface MinutesItem {
  readonly item: AgendaItem;
  /** Speakers in order, with the time they spoke. */
  readonly speeches: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly notes: readonly MinutesNote[];
}

/**
 * Everything the biên bản needs (DOMAIN.md "Minutes"; Hướng dẫn 36-HD/VPTW
 * layout): heading, place and date, time and bridge points, chair and
 * minute-taker, delegates, attendance, the course of the meeting with each
 * speaker named, votes with counts and denominator, conclusions and tasks, the
 * rating, the time closed, and whether the minutes were adopted.
 */
export interface MinutesModel {
  readonly organization: { readonly parent?: string; readonly cell: string };
  readonly title: string;
  /** "ngày 23 tháng 11 năm 2026" of the opening (Vietnam time), without the place. */
  readonly date: string;
  readonly place: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly bridgePoints: readonly string[];
  readonly chair: string;
  readonly recorder?: string;
  readonly delegates: readonly { readonly name: string; readonly organization?: string }[];
  readonly attendance: AttendanceCounts;
  readonly course: readonly MinutesItem[];
  readonly votes: readonly { readonly title: string; readonly ballot: 'open' | 'secret'; readonly result?: VoteResult }[];
  readonly conclusions: readonly MinutesNote[];
  readonly tasks: readonly { readonly description: string; readonly assignee: string; readonly deadline: string }[];
  readonly rating?: { readonly score: number; readonly note?: string };
  readonly status: MeetingState['minutes']['status'];
  readonly annexes: readonly MinutesNote[];
}

/**
 * The minutes: once adopted, the frozen text of record with the annexes added
 * since; before that, built from the meeting's state (itself rebuilt from the
 * log) and the recorder's notes.
 */
export function minutesOf(state: MeetingState): MinutesModel {
  const record = state.minutes.record;
  if (record) return { ...record, status: 'adopted', annexes: state.minutes.annexes };
  return draftMinutes(state);
}

function draftMinutes(state: MeetingState): MinutesModel {
  const name = (id: string) => findParticipant(state, id)?.name ?? id;
  const when = state.openedAt ?? state.scheduledAt;
  const month = vietnamParts(when);
  return {
    organization: { ...(state.cell.parentName ? { parent: state.cell.parentName } : {}), cell: state.cell.name },
    title: `BIÊN BẢN SINH HOẠT CHI BỘ ${state.kind === 'thematic' ? 'CHUYÊN ĐỀ' : 'ĐỊNH KỲ'} tháng ${month.month} năm ${month.year}`,
    date: vietnameseDate(when),
    place: state.bridgePoints[0]!.name,
    ...(state.openedAt ? { openedAt: state.openedAt } : {}),
    ...(state.closedAt ? { closedAt: state.closedAt } : {}),
    bridgePoints: state.bridgePoints.map((b) => b.name),
    chair: name(state.chairId),
    ...(state.recorderId ? { recorder: name(state.recorderId) } : {}),
    delegates: state.delegates.map((d) => ({ name: d.name, ...(d.organization ? { organization: d.organization } : {}) })),
    attendance: attendanceCounts(state),
    course: state.agenda.map((item) => ({
      item,
      speeches: state.speeches.filter((s) => s.agendaItemId === item.id).map((s) => ({ name: name(s.participantId), from: s.from, to: s.to })),
      notes: state.minutes.notes.filter((n) => n.agendaItemId === item.id),
    })),
    // A motion still in draft was never put to the meeting: it is not in the minutes.
    votes: state.motions.filter((m) => m.status !== 'draft').map((m) => ({ title: m.title, ballot: m.ballot, ...(m.result ? { result: m.result } : {}) })),
    conclusions: [...state.conclusions, ...state.minutes.notes.filter((n) => !n.agendaItemId)],
    tasks: state.tasks.map((t) => ({ description: t.description, assignee: name(t.assigneeId), deadline: t.deadline })),
    ...(state.rating ? { rating: { score: state.rating.score, ...(state.rating.note ? { note: state.rating.note } : {}) } } : {}),
    status: state.minutes.status,
    annexes: state.minutes.annexes,
  };
}

/** Seconds each participant has spoken so far, the current turn included. */
export function speakingSeconds(state: MeetingState, now: string): Readonly<Record<string, number>> {
  const totals: Record<string, number> = {};
  const add = (id: string, from: string, to: string) => (totals[id] = (totals[id] ?? 0) + Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000));
  for (const s of state.speeches) add(s.participantId, s.from, s.to);
  if (state.floor) add(state.floor.participantId, state.floor.since, now);
  return totals;
}
