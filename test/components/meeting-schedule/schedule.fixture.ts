/** Cells and helpers for the schedule tests, against the real server. */
import { fixture, html } from '@open-wc/testing';
import '../../../src/components/meeting-schedule/define.js';
import type { MeetingSchedule } from '../../../src/components/meeting-schedule/meeting-schedule.js';
import type { UnitKind } from '../../../src/core/index.js';
import { $, $$, adminToken, createCell, membersOf, pick, scheduleMeeting, textIn, unique, until } from '../console-fixture.js';

const NAMES = ['Hoàng Văn Minh', 'Nguyễn Thị Lan', 'Trần Đức Thắng', 'Lê Thị Hoa', 'Phạm Văn Long', 'Đỗ Thị Thu Hà', 'Vũ Quang Huy', 'Bùi Thị Ngọc Anh'];

/** A cell of eight registered through the API, `cannotMeet` of them unable to meet in one place; the root token that made it. */
export async function eightMemberCell(options: { cannotMeet: number; unitKind?: UnitKind; parentId?: string; name?: string }) {
  const root = await adminToken();
  const id = unique(options.unitKind === 'base-committee' ? 'dbcs' : 'cb');
  const members = membersOf(id, 8, NAMES);
  await createCell(root, {
    id,
    name: options.name ?? (options.unitKind === 'base-committee' ? 'Đảng bộ cơ sở Thử nghiệm' : 'Chi bộ Thử nghiệm'),
    ...(options.unitKind ? { unitKind: options.unitKind } : {}),
    ...(options.parentId ? { parentId: options.parentId, parentName: 'Đảng bộ Khối Thử nghiệm' } : {}),
    members,
    cannotMeetInPerson: members.slice(0, options.cannotMeet).map((m) => m.id),
  });
  return { root, id, members };
}

/** Registers `count` online or hybrid meetings of the cell in `year` through the API (as the portal would have). */
export async function registerOnline(root: string, cellId: string, chairId: string, year: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await scheduleMeeting(root, {
      cellId,
      title: `Sinh hoạt tháng ${i + 1}/${year}`,
      scheduledAt: `${year}-${String(i + 1).padStart(2, '0')}-10T19:30:00+07:00`,
      mode: 'hybrid',
      chairId,
      bridgePoints: [{ id: 'phong-hop', name: 'Phòng họp', main: true }],
    });
  }
}

/** The element for a cell, loaded with its form. */
export async function cellSchedule(token: string, unit: string, lang = ''): Promise<MeetingSchedule> {
  const el = await fixture<MeetingSchedule>(html`<meeting-schedule token=${token} unit=${unit} lang=${lang}></meeting-schedule>`);
  await until(() => $(el, 'form[part=form]') !== null || $(el, '[data-failure]') !== null, 'the form or a failure');
  return el;
}

/** Picks the date and time as the person does; waits until the year's count is shown. */
export async function pickDate(el: MeetingSchedule, value: string): Promise<void> {
  await pick(el, $<HTMLInputElement>(el, '#when'), value);
  await until(() => !textIn(el, '[data-count]').includes('Đang đếm') && !textIn(el, '[data-count]').includes('Counting') && !textIn(el, '[data-count]').startsWith('Chọn ngày'), 'the year’s count');
}

/** The codes of the checks shown, with whether each is met. */
export function checks(el: MeetingSchedule): Array<[string, boolean]> {
  return $$<HTMLLIElement>(el, '[data-check] li[data-code]').map((li) => [li.dataset['code']!, li.classList.contains('ok')]);
}

/** The text of one check. */
export const checkText = (el: MeetingSchedule, code: string): string => textIn(el, `[data-check] li[data-code="${code}"]`);
