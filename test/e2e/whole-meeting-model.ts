/**
 * The whole-meeting scenario's model of what every page must show
 * (whole-meeting.ts): the people and texts of the sample cell's meeting, and
 * the expected view, with every vote's result worked out from the rule (the
 * QĐ 294-QĐ/TW 9.3 denominator and more than half), computed independently of
 * the elements so that a wrong element cannot hide a wrong rule.
 */
import { sampleMeeting } from '../../server/sample-cell.js';
import type { ClosedVoteView, MeetingView, MinutesVoteView } from './meeting-view.js';

export const MEETING_ID = 'vnpt-van-yen-2026-11';
export const CHAIR = 'hoang-van-minh';
export const MEMBER = 'nguyen-thi-lan';
export const PROBATIONARY = 'bui-thi-ngoc-anh';
export const DELEGATE = 'dang-van-son';
export const ABSENT = 'tran-duc-thang';
export const ABSENCE_REASON = 'Đi công tác Hà Nội';
/** Full members without a browser, present in the room of the main bridge point. */
export const IN_ROOM = ['le-thi-hoa', 'pham-van-long', 'do-thi-thu-ha', 'vu-quang-huy'];
export const MAIN_ROOM = 'van-yen';

/** The sample cell, as the server defines it. */
export const SAMPLE = sampleMeeting('2026-11-23T08:00:00.000Z');
export const ROSTER = SAMPLE.cell.members;
export const MAIN_ROOM_NAME = SAMPLE.bridgePoints!.find((b) => b.id === MAIN_ROOM)!.name;
export const nameOf = (id: string) => ROSTER.find((m) => m.id === id)!.name;
export const EVERYONE_ONLINE = [CHAIR, MEMBER, PROBATIONARY, DELEGATE].sort();

export const RESOLUTION = 'Thông qua nghị quyết tháng 11';
export const ADOPTION = 'Thông qua biên bản sinh hoạt chi bộ';
export const DISCUSSION_NOTE = 'Chi bộ thống nhất tập trung hoàn thành chỉ tiêu phát triển thuê bao tháng 12.';

export type Mark = 'present-online' | 'present-in-person' | 'absent-with-reason' | 'unmarked';
export type Choice = 'agree' | 'disagree' | 'other';
export const MARK_TEXT: Record<Mark, string> = {
  'present-online': 'Có mặt trực tuyến',
  'present-in-person': `Có mặt tại điểm cầu · ${MAIN_ROOM_NAME}`,
  'absent-with-reason': `Vắng có lý do: ${ABSENCE_REASON}`,
  unmarked: 'Chưa điểm danh',
};

/** A vote's ballots, by voter, with where each was cast. */
export type Ballots = Record<string, { choice: Choice; source: 'online' | typeof MAIN_ROOM }>;

/** What the scenario has done so far, kept as the meeting goes: the expected view is computed from it. */
export interface ExpectedMeeting {
  readonly phase: string;
  readonly roll: Readonly<Record<string, Mark>>;
  readonly recorder: string | undefined;
  /** The program as the pages showed it first: ids and titles; statuses follow. */
  readonly program: readonly { id: string; title: string; status: string }[];
  readonly floor: string | null;
  readonly hands: readonly string[];
  readonly spoke: readonly string[];
  readonly course: MeetingView['minutes']['course'];
  /** The motions, in the order the chair drafted them. */
  readonly motions: readonly { title: string; status: 'draft' | 'voting' | 'closed'; ballots: Ballots }[];
  readonly minutesStatus: 'draft' | 'read-back' | 'adopted';
}

/** The QĐ 294-QĐ/TW 9.3 denominator from the roll taken: full members called minus those absent with an accepted reason. */
export function denominator(roll: Readonly<Record<string, Mark>>) {
  const called = ROSTER.filter((m) => m.status === 'full');
  const excused = called.filter((m) => roll[m.id] === 'absent-with-reason').length;
  return { called: called.length, excused, value: called.length - excused };
}
const eligibleVoters = (roll: Readonly<Record<string, Mark>>) => ROSTER.filter((m) => m.status === 'full' && (roll[m.id] ?? 'unmarked').startsWith('present')).length;
const viPercent = (agree: number, of: number) => `${(Math.round((agree / of) * 1000) / 10).toString().replace('.', ',')} %`;

export function expectedResult({ title, ballots }: { title: string; ballots: Ballots }, roll: Readonly<Record<string, Mark>>): { panel: ClosedVoteView; minutes: MinutesVoteView } {
  const d = denominator(roll);
  const count = (choice: Choice, source?: string) =>
    Object.values(ballots).filter((b) => b.choice === choice && (source === undefined || b.source === source)).length;
  const agree = count('agree');
  const required = Math.floor(d.value / 2) + 1;
  const passed = agree >= required;
  const percent = viPercent(agree, d.value);
  const sources = Object.fromEntries(
    [...new Set(Object.values(ballots).map((b) => b.source))].map((source) => [
      source,
      `${source === 'online' ? 'Trực tuyến' : MAIN_ROOM_NAME}: ${count('agree', source)} tán thành, ${count('disagree', source)} không tán thành, ${count('other', source)} ý kiến khác`,
    ]),
  );
  return {
    panel: {
      title,
      passed,
      verdict: passed ? '✓ Đạt' : '✗ Không đạt',
      rule: passed
        ? `Đạt: ${agree}/${d.value} tán thành, quá nửa của ${d.value} (cần ít nhất ${required}).`
        : `Không đạt: ${agree}/${d.value} tán thành; cần ít nhất ${required} (quá nửa của ${d.value}).`,
      denominator: `${d.called} đảng viên chính thức được triệu tập, trừ ${d.excused} vắng có lý do → ${d.value}`,
      counts: {
        agree: String(agree),
        disagree: String(count('disagree')),
        other: String(count('other')),
        cast: String(Object.keys(ballots).length),
        percent,
      },
      sources,
      agreeNames: Object.entries(ballots)
        .filter(([, b]) => b.choice === 'agree')
        .map(([id]) => nameOf(id))
        .sort(),
    },
    minutes: {
      title,
      pending: '',
      agree: `Tán thành: ${agree}/${d.value} (${percent}) — ${passed ? 'ĐẠT' : 'KHÔNG ĐẠT'}`,
      denominator: `Mẫu số ${d.value}: ${d.called} đảng viên chính thức được triệu tập, trừ ${d.excused} vắng có lý do.`,
      rule: `Quy tắc: quá một nửa, cần ít nhất ${required} phiếu tán thành (Quy định 294-QĐ/TW, điểm 9.3).`,
    },
  };
}

/** The view every page must show now, from the model above. */
export function expectedView(s: ExpectedMeeting): MeetingView {
  const marks = Object.fromEntries(ROSTER.map((m) => [m.id, s.roll[m.id] ?? 'unmarked']));
  const count = (mark: Mark) => Object.values(marks).filter((m) => m === mark).length;
  const present = count('present-online') + count('present-in-person');
  const counts: Record<string, number> = {
    total: ROSTER.length,
    full: ROSTER.filter((m) => m.status === 'full').length,
    probationary: ROSTER.filter((m) => m.status === 'probationary').length,
    present,
    absentWithReason: count('absent-with-reason'),
    absentWithoutReason: 0,
    unmarked: count('unmarked'),
  };
  if (count('present-in-person')) counts.presentInPerson = count('present-in-person');
  if (count('present-online')) counts.presentOnline = count('present-online');
  const running = s.program.find((i) => i.status === 'running');
  const voting = s.motions.find((m) => m.status === 'voting');
  const adoptionVoting = voting?.title === ADOPTION;
  // The panel lists closed votes newest first; the minutes list every motion in the order drafted.
  const closedNewestFirst = s.motions.filter((m) => m.status === 'closed').reverse().map((m) => expectedResult(m, s.roll));
  return {
    connection: 'connected',
    phase: s.phase,
    online: EVERYONE_ONLINE,
    roll: {
      counts,
      marks,
      markTexts: Object.fromEntries(Object.entries(marks).map(([id, mark]) => [id, MARK_TEXT[mark as Mark]])),
    },
    agenda: {
      current: running?.id ?? null,
      currentTitle: running ? `${s.program.indexOf(running) + 1}. ${running.title}` : null,
      items: [...s.program],
    },
    speakers: { floor: s.floor, hands: [...s.hands], spoke: [...s.spoke] },
    votes: {
      voting: voting
        ? { title: voting.title, progress: `Đã biểu quyết: ${Object.keys(voting.ballots).length}/${eligibleVoters(s.roll)} đảng viên có quyền biểu quyết đang dự họp` }
        : null,
      closed: closedNewestFirst.map((r) => r.panel),
    },
    minutes: {
      status: s.minutesStatus,
      state: { draft: 'Dự thảo', 'read-back': 'Đang đọc lại', adopted: 'Đã thông qua lúc {time} ngày {date}' }[s.minutesStatus],
      live:
        s.minutesStatus === 'adopted'
          ? 'Biên bản đã được thông qua và khóa; chỉ có thể thêm phụ lục.'
          : adoptionVoting
            ? `Chi bộ đang biểu quyết thông qua biên bản: ${Object.keys(voting!.ballots).length} đồng chí đã biểu quyết.`
            : s.minutesStatus === 'read-back'
              ? 'Thư ký đang đọc lại biên bản trước chi bộ.'
              : '',
      recorder: s.recorder ? `Thư ký: đồng chí ${nameOf(s.recorder)}.` : 'Thư ký: chưa cử.',
      present: `Có mặt: ${present} đồng chí (trực tiếp ${count('present-in-person')}, trực tuyến ${count('present-online')}).`,
      withReason:
        count('absent-with-reason') > 0
          ? `Vắng có lý do: ${count('absent-with-reason')} đồng chí: Đồng chí ${nameOf(ABSENT)}: ${ABSENCE_REASON}`
          : 'Vắng có lý do: 0 đồng chí.',
      course: s.course,
      // A motion still in draft was never put to the meeting, so the minutes do not list it.
      votes: s.motions.filter((m) => m.status !== 'draft').map((m) =>
        m.status === 'closed'
          ? expectedResult(m, s.roll).minutes
          : { title: m.title, pending: 'Đang biểu quyết.', agree: '', denominator: '', rule: '' },
      ),
      adopted: s.minutesStatus === 'adopted' ? 'Biên bản đã được đọc lại trước chi bộ và được thông qua lúc {time}, {date}.' : null,
      // Minutes adopted before the close are frozen as adopted: no closing line in them.
      closed: s.minutesStatus === 'adopted' ? '' : s.phase === 'closed' ? 'Cuộc họp kết thúc lúc {time}, {date}.' : 'Cuộc họp chưa kết thúc.',
    },
  };
}
