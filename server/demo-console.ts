/**
 * The demo's upper-level console (/cap-tren): the sample cell and a
 * neighbouring one registered in the REST API's registry, under the
 * Đảng bộ VNPT Yên Bái; two of their meetings held earlier this year (one
 * short, one member absent without reason twice), one of the other cell's, and one ahead; an
 * assessment from the Đảng ủy Khối's delegate; and an admin token limited to
 * that unit for the page. Everything goes through the REST API over HTTP, as
 * a portal's backend would; a second start finds it there and adds nothing.
 * The names are invented.
 */
import type { AttendanceMark, Member } from '../src/core/index.js';
import { AdminTokens } from './api/index.js';
import type { MeetingServer } from './app.js';
import type { Log } from './log.js';
import { sampleMeeting } from './sample-cell.js';

/** What the console page needs. */
export interface DemoConsole {
  /** The upper-level user's admin token (units: the parent unit). */
  readonly token: string;
  readonly parentId: string;
  /** The sample cell's id in the registry. */
  readonly cellId: string;
  /** A held meeting the delegate assesses. */
  readonly assessedMeetingId: string;
  readonly delegateId: string;
  /** That delegate's name and organization: the console offers them as the upper level's committee in the delegate form. */
  readonly delegateName: string;
  readonly delegateOrganization: string;
}

const PARENT = { id: 'dang-bo-vnpt-yen-bai', name: 'Đảng bộ VNPT Yên Bái' };
const LUC_YEN: readonly Member[] = [
  { id: 'ly-nguyen-van-hai', name: 'Nguyễn Văn Hải', status: 'full' },
  { id: 'ly-tran-thi-thu', name: 'Trần Thị Thu', status: 'full' },
  { id: 'ly-pham-quoc-dung', name: 'Phạm Quốc Dũng', status: 'full' },
  { id: 'ly-ha-thi-yen', name: 'Hà Thị Yến', status: 'full' },
  { id: 'ly-dinh-van-tuan', name: 'Đinh Văn Tuấn', status: 'probationary' },
];
const DAY = 24 * 3600_000;

/** A Vietnam-time instant `days` from now at `time` (HH:MM). */
function vietnamDay(days: number, time: string): string {
  const date = new Date(Date.now() + days * DAY + 7 * 3600_000).toISOString().slice(0, 10);
  return `${date}T${time}:00+07:00`;
}

/** Seeds the registry (once) and mints the page's token; a failure is logged and the demo goes on without the data. */
export async function seedDemoConsole(server: MeetingServer, secret: string, log: Log): Promise<DemoConsole> {
  const admins = new AdminTokens(secret);
  const root = await admins.sign({ subject: 'demo-seed' }, '10m');
  const sample = sampleMeeting(new Date().toISOString());
  const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  const delegate = sample.delegates[0]!;
  const ids = { held: `demo-van-yen-${year}-a`, short: `demo-van-yen-${year}-b`, lucYen: `demo-luc-yen-${year}-a`, ahead: `demo-luc-yen-${year}-b` };

  const call = async (method: string, path: string, json: unknown): Promise<number> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${root}`, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    if (!response.ok && response.status !== 409) log('warn', 'demo console seed refused', { path, status: response.status, body: await response.text() });
    return response.status;
  };
  const cell = async (id: string, name: string, members: readonly Member[], cannotMeet: number) => {
    if ((await call('POST', '/api/cells', { id, name, parentId: PARENT.id, parentName: PARENT.name, locality: 'Yên Bái', cannotMeetInPerson: members.slice(0, cannotMeet).map((m) => m.id) })) === 201) {
      await call('PUT', `/api/cells/${id}/roster`, { members });
    }
  };
  const meeting = (id: string, cellId: string, chairId: string, title: string, scheduledAt: string, mode: 'hybrid' | 'online', room: string) =>
    call('POST', '/api/meetings', {
      id,
      cellId,
      title,
      scheduledAt,
      mode,
      chairId,
      ...(mode === 'hybrid' ? { bridgePoints: [{ id: 'phong-hop', name: room, main: true }] } : {}),
      delegates: [delegate],
    });
  /** Opens, takes the roll and closes a meeting at its own times, unless it was held already. */
  const hold = async (id: string, minutes: number, roll: Record<string, AttendanceMark>) => {
    const host = server.meeting(id);
    if (!host || host.state.phase !== 'scheduled') return;
    const opened = Date.parse(host.state.scheduledAt);
    const chair = { participantId: host.state.chairId, role: 'chair' as const };
    const at = (seconds: number) => new Date(opened + seconds * 1000).toISOString();
    await host.run(chair, { type: 'open-meeting' }, at(0));
    let second = 60;
    for (const [memberId, mark] of Object.entries(roll)) {
      const reason = mark === 'absent-with-reason' ? { reason: 'Đi công tác' } : {};
      await host.run(chair, { type: 'mark-attendance', memberId, mark, ...reason }, at(second++));
    }
    await host.run(chair, { type: 'close-meeting' }, at(minutes * 60));
  };

  try {
    const vanYen = sample.cell.members;
    await cell(sample.cell.id, sample.cell.name, vanYen, 6);
    await cell('chi-bo-vnpt-luc-yen', 'Chi bộ VNPT Lục Yên', LUC_YEN, 5);
    const chair = sample.chairId;
    await meeting(ids.held, sample.cell.id, chair, 'Sinh hoạt chi bộ định kỳ (kết nối điểm cầu Đảng ủy Khối)', vietnamDay(-45, '19:30'), 'hybrid', 'VNPT Văn Yên');
    await meeting(ids.short, sample.cell.id, chair, 'Sinh hoạt chuyên đề học tập và làm theo Bác', vietnamDay(-15, '08:00'), 'hybrid', 'VNPT Văn Yên');
    await meeting(ids.lucYen, 'chi-bo-vnpt-luc-yen', LUC_YEN[0]!.id, 'Sinh hoạt chi bộ định kỳ', vietnamDay(-20, '14:00'), 'online', '');
    await meeting(ids.ahead, 'chi-bo-vnpt-luc-yen', LUC_YEN[0]!.id, 'Sinh hoạt chi bộ định kỳ (trực tuyến toàn thể)', vietnamDay(3, '14:00'), 'online', '');
    const absentee = vanYen[7]!.id;
    const present = (members: readonly Member[], mark: AttendanceMark) => Object.fromEntries(members.map((m) => [m.id, m.id === absentee ? 'absent-without-reason' : mark])) as Record<string, AttendanceMark>;
    await hold(ids.held, 110, present(vanYen, 'present-in-person'));
    await hold(ids.short, 50, present(vanYen, 'present-online'));
    await hold(ids.lucYen, 95, { ...present(LUC_YEN, 'present-online'), [LUC_YEN[3]!.id]: 'absent-with-reason' });
    await call('POST', `/api/meetings/${ids.held}/assessment`, {
      delegateId: delegate.id,
      strengths: 'Chuẩn bị chu đáo, tài liệu gửi trước 3 ngày trên Sổ tay đảng viên điện tử; điều hành đúng quy trình.',
      limitations: 'Điểm cầu Đảng ủy Khối mất tiếng khoảng 5 phút; thảo luận còn ít ý kiến.',
      lessons: 'Kiểm tra đường truyền 30 phút trước giờ họp; phân công trước người phát biểu.',
      criteria: { preparation: 19, attendance: 12, procedure: 18, content: 24, technology: 11 },
    });
  } catch (error) {
    log('warn', 'demo console seed failed', { error: String(error) });
  }
  return {
    token: await admins.sign({ subject: 'demo-ban-to-chuc', units: [PARENT.id] }, '24h'),
    parentId: PARENT.id,
    cellId: sample.cell.id,
    assessedMeetingId: ids.short,
    delegateId: delegate.id,
    delegateName: delegate.name,
    delegateOrganization: delegate.organization ?? '',
  };
}
