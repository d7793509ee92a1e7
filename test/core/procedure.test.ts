import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agendaTemplate, attendanceCounts, DEFAULT_POLICY, evolve, minutesOf, project, speakingSeconds, vietnameseDate, type MeetingKind } from '../../src/core/index.js';
import { as, created, hybridMeeting, run, T0, testMeeting } from '../helpers/meeting.js';

const open = run(created(testMeeting), [as.chair, { type: 'open-meeting' }]);
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

describe('agenda templates (HD 42-HD/BTCTW; Tuy Lộc program)', () => {
  const table: Array<[MeetingKind, number, string, string]> = [
    ['regular', 17, 'Tuyên bố lý do, giới thiệu đại biểu', 'Kết thúc'],
    ['thematic', 10, 'Tuyên bố lý do, giới thiệu đại biểu', 'Kết thúc'],
    ['combined', 21, 'Tuyên bố lý do, giới thiệu đại biểu', 'Kết thúc'],
  ];
  for (const [kind, items, first, last] of table) {
    it(`${kind}: ${items} items, planned at least the minimum duration`, () => {
      const agenda = agendaTemplate(kind);
      assert.equal(agenda.length, items);
      assert.equal(agenda[0]!.title, first);
      assert.equal(agenda.at(-1)!.title, last);
      const planned = agenda.reduce((sum, i) => sum + i.plannedMinutes, 0);
      assert.ok(planned >= DEFAULT_POLICY.minimumMinutes[kind], `${planned} planned minutes`);
      assert.deepEqual([...new Set(agenda.map((i) => i.step))], ['opening', 'content', 'closing']);
      assert.equal(new Set(agenda.map((i) => i.id)).size, items, 'unique ids');
    });
  }

  it('combined: the regular meeting, then the thematic content, then the minutes', () => {
    const parts = agendaTemplate('combined').map((i) => i.part);
    const firstThematic = parts.indexOf('thematic');
    assert.ok(parts.slice(0, firstThematic).every((p) => p === 'regular'));
    assert.deepEqual(agendaTemplate('combined').slice(-2).map((i) => i.title), ['Thông qua biên bản', 'Kết thúc']);
  });
});

describe('running the program', () => {
  it('starting an item ends the running one; times give the actual durations', () => {
    let state = evolve(open, { type: 'agenda-item-started', at: at(0), by: 'chair', itemId: 'r01' });
    state = evolve(state, { type: 'agenda-item-started', at: at(4), by: 'chair', itemId: 'r02' });
    state = evolve(state, { type: 'agenda-item-finished', at: at(6), by: 'chair', itemId: 'r02' });
    const [first, second] = state.agenda;
    assert.deepEqual([first!.status, first!.startedAt, first!.endedAt], ['done', at(0), at(4)]);
    assert.deepEqual([second!.status, second!.startedAt, second!.endedAt], ['done', at(4), at(6)]);
  });

  it('adds after a given item, moves, and skips with the reason kept', () => {
    const state = run(
      open,
      [as.chair, { type: 'add-agenda-item', item: { id: 'x', title: ' Học tập chuyên đề ', step: 'content', plannedMinutes: 15 }, afterId: 'r06' }],
      [as.chair, { type: 'move-agenda-item', itemId: 'r09', toIndex: 0 }],
      [as.chair, { type: 'skip-agenda-item', itemId: 'r14', reason: 'Không có hồ sơ' }],
    );
    const ids = state.agenda.map((i) => i.id);
    assert.equal(ids[0], 'r09');
    assert.equal(ids.indexOf('x'), ids.indexOf('r06') + 1);
    assert.equal(state.agenda.find((i) => i.id === 'x')!.title, 'Học tập chuyên đề');
    const skipped = state.agenda.find((i) => i.id === 'r14')!;
    assert.deepEqual([skipped.status, skipped.skipReason], ['skipped', 'Không có hồ sơ']);
  });
});

describe('speakers', () => {
  it('keeps raised hands in order, gives the floor, and counts speaking time', () => {
    let state = run(open, [as.member('full-b'), { type: 'raise-hand' }], [as.member('prob'), { type: 'raise-hand' }], [as.delegate, { type: 'raise-hand' }]);
    assert.deepEqual(state.hands.map((h) => h.participantId), ['full-b', 'prob', 'delegate']);
    state = evolve(state, { type: 'floor-given', at: at(10), by: 'chair', participantId: 'prob', muteOthers: true });
    assert.deepEqual(state.hands.map((h) => h.participantId), ['full-b', 'delegate'], 'the speaker\'s hand comes down');
    assert.deepEqual(state.floor, { participantId: 'prob', since: at(10), muteOthers: true });
    state = evolve(state, { type: 'floor-given', at: at(13), by: 'chair', participantId: 'delegate', muteOthers: false });
    assert.deepEqual(state.speeches, [{ participantId: 'prob', from: at(10), to: at(13) }]);
    state = evolve(state, { type: 'floor-ended', at: at(18), by: 'delegate', participantId: 'delegate' });
    assert.equal(state.floor, undefined);
    state = evolve(state, { type: 'floor-given', at: at(20), by: 'chair', participantId: 'prob', muteOthers: false });
    assert.deepEqual(speakingSeconds(state, at(21)), { prob: 240, delegate: 300 });
  });

  it('closing the meeting ends the floor and clears the hands', () => {
    let state = run(open, [as.member('full-b'), { type: 'raise-hand' }]);
    state = evolve(state, { type: 'floor-given', at: at(1), by: 'chair', participantId: 'full-a', muteOthers: false });
    state = evolve(state, { type: 'meeting-closed', at: at(2), by: 'chair' });
    assert.equal(state.floor, undefined);
    assert.deepEqual(state.hands, []);
    assert.equal(state.speeches.length, 1);
  });
});

describe('the minutes model', () => {
  it('has everything the biên bản needs, speakers named under their item', () => {
    let state = run(
      created(hybridMeeting),
      [as.chair, { type: 'open-meeting' }],
      [as.chair, { type: 'elect-recorder', memberId: 'a' }],
      [as.chair, { type: 'start-agenda-item', itemId: 'r06' }],
      [as.chair, { type: 'mark-attendance', memberId: 'b', mark: 'absent-with-reason', reason: 'Đi công tác' }],
      [as.chair, { type: 'give-floor', participantId: 'delegate' }],
      [as.chair, { type: 'end-floor' }],
      [as.member('a'), { type: 'add-minutes-note', text: 'Đồng chí đại biểu phát biểu chỉ đạo.', agendaItemId: 'r06' }],
      [as.chair, { type: 'assign-task', taskId: 't1', description: 'Hoàn thành thu đảng phí', assigneeId: 'c', deadline: '2026-12-15' }],
      [as.chair, { type: 'rate-meeting', score: 88, note: 'Khá' }],
    );
    state = run(state, [as.chair, { type: 'close-meeting' }]);
    const m = minutesOf(state);
    assert.equal(m.title, 'BIÊN BẢN SINH HOẠT CHI BỘ ĐỊNH KỲ tháng 11 năm 2026');
    assert.equal(m.date, 'ngày 23 tháng 11 năm 2026');
    assert.equal(m.chair, 'Bí thư');
    assert.equal(m.recorder, 'A');
    assert.deepEqual(m.bridgePoints, ['Điểm cầu chính', 'Điểm cầu xã']);
    assert.deepEqual(m.delegates, [{ name: 'Đại biểu', organization: 'Đảng ủy Khối' }]);
    assert.deepEqual(m.attendance.absentees, [{ memberId: 'b', name: 'B', mark: 'absent-with-reason', reason: 'Đi công tác' }]);
    const item = m.course.find((c) => c.item.id === 'r06')!;
    assert.deepEqual(item.speeches.map((s) => s.name), ['Đại biểu']);
    assert.deepEqual(item.notes.map((n) => n.text), ['Đồng chí đại biểu phát biểu chỉ đạo.']);
    assert.deepEqual(m.tasks, [{ description: 'Hoàn thành thu đảng phí', assignee: 'C', deadline: '2026-12-15' }]);
    assert.deepEqual(m.rating, { score: 88, note: 'Khá' });
    assert.equal(m.status, 'draft');
  });

  it('dates in Vietnam time (UTC+7)', () => {
    assert.equal(vietnameseDate('2026-01-31T20:00:00.000Z'), 'ngày 1 tháng 2 năm 2026');
  });
});

describe('projection for guests', () => {
  it('hides reasons of absence from guests and technicians only', () => {
    const state = run(run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }]), [as.chair, { type: 'mark-attendance', memberId: 'b', mark: 'absent-with-reason', reason: 'Ốm' }]);
    assert.equal(project(state, 'guest').attendance.b!.reason, undefined);
    assert.equal(project(state, 'technician').attendance.b!.reason, undefined);
    assert.equal(project(state, 'member').attendance.b!.reason, 'Ốm');
    assert.equal(project(state, 'delegate').attendance.b!.reason, 'Ốm');
  });
});

describe('adopted minutes are the text of record', () => {
  it('later events never change them; only annexes follow', () => {
    let state = run(
      created(testMeeting),
      [as.chair, { type: 'open-meeting' }],
      [as.chair, { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' }],
      [as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }],
      [as.chair, { type: 'create-motion', motion: { id: 'draft', title: 'Chưa đưa ra', ballot: 'open', threshold: 'majority', tags: ['resolution'] } }],
      [as.chair, { type: 'create-motion', motion: { id: 'min', title: 'Thông qua biên bản', ballot: 'open', threshold: 'majority', tags: ['minutes-adoption'] } }],
      [as.chair, { type: 'open-vote', motionId: 'min' }],
      [as.chair, { type: 'cast-ballot', motionId: 'min', choice: 'agree' }],
      [as.member('full-a'), { type: 'cast-ballot', motionId: 'min', choice: 'agree' }],
      [as.chair, { type: 'close-vote', motionId: 'min' }],
    );
    const adopted = minutesOf(state);
    assert.equal(adopted.status, 'adopted');
    assert.deepEqual(adopted.votes.map((v) => v.title), ['Thông qua biên bản'], 'a draft never put to the meeting is not in the minutes; the adoption vote is');
    assert.equal(adopted.votes[0]!.result!.passed, true);
    state = run(
      state,
      [as.chair, { type: 'mark-attendance', memberId: 'full-b', mark: 'absent-without-reason' }],
      [as.chair, { type: 'close-meeting' }],
      [as.chair, { type: 'add-minutes-annex', text: 'Đồng chí B đến muộn sau khi thông qua biên bản.' }],
    );
    const later = minutesOf(state);
    assert.deepEqual(later.attendance, adopted.attendance, 'the roll of record is the one adopted');
    assert.equal(later.closedAt, adopted.closedAt);
    assert.deepEqual(later.annexes.map((a) => a.text), ['Đồng chí B đến muộn sau khi thông qua biên bản.']);
    assert.equal(attendanceCounts(state).absentWithoutReason, 1, 'the live roll still moves');
  });
});
