import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absenceHistory, absenceVerdict, meetingReport, type MeetingState } from '../../src/core/index.js';
import { as, created, hybridMeeting, run, testMeeting } from '../helpers/meeting.js';

/** Sets the state's opening and closing times (the log's `at`s come from the steps' clock). */
const timed = (state: MeetingState, openedAt: string, closedAt: string): MeetingState => ({ ...state, openedAt, closedAt });

describe('meetingReport: what the pilot report keeps of a held meeting', () => {
  it('counts the roll against the members called, with the duration against the HD 42 minimum', () => {
    const open = run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }]);
    const rolled = run(
      open,
      [as.chair, { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' }],
      [as.tech, { type: 'mark-attendance', memberId: 'room-1', mark: 'present-in-person', bridgePointId: 'xa' }],
      [as.chair, { type: 'mark-attendance', memberId: 'a', mark: 'present-online' }],
      [as.chair, { type: 'mark-attendance', memberId: 'b', mark: 'absent-with-reason', reason: 'Ốm' }],
      [as.chair, { type: 'mark-attendance', memberId: 'c', mark: 'absent-without-reason' }],
      [as.chair, { type: 'mark-attendance', memberId: 'exempt', mark: 'exempt' }],
      [as.chair, { type: 'mark-attendance', memberId: 'here', mark: 'present-online' }],
      [as.chair, { type: 'close-meeting' }],
    );
    const report = meetingReport(timed(rolled, '2026-03-10T12:30:00Z', '2026-03-10T13:50:00Z'));
    // 11 on the roster; not called: away (attached elsewhere), suspended, exempt (stayed away) → 8 counted.
    assert.equal(report.membersCounted, 8);
    assert.equal(report.present, 4);
    assert.equal(report.presentInPerson, 1);
    assert.equal(report.presentOnline, 3);
    assert.equal(report.absentWithReason, 1);
    assert.equal(report.absentWithoutReason, 1);
    assert.equal(report.heldAt, '2026-03-10T12:30:00Z');
    assert.deepEqual([report.year, report.month, report.kind, report.mode], [2026, 3, 'regular', 'hybrid']);
    assert.deepEqual([report.durationMinutes, report.requiredMinutes, report.durationMet], [80, 90, false]);
    const byId = Object.fromEntries(report.members.map((m) => [m.memberId, m]));
    assert.deepEqual([byId['c']!.mark, byId['c']!.counted, byId['c']!.present], ['absent-without-reason', true, false]);
    assert.deepEqual([byId['away']!.mark, byId['away']!.counted], ['unmarked', false]);
    assert.deepEqual([byId['exempt']!.mark, byId['exempt']!.counted], ['exempt', false]);
    assert.deepEqual([byId['prob']!.mark, byId['prob']!.counted], ['unmarked', true]);
    assert.equal(byId['c']!.name, 'C');
  });

  it('an exempt member who comes is counted; a month is read in Vietnam time; a combined meeting needs 120 minutes', () => {
    const open = run(created({ ...hybridMeeting, kind: 'combined' }), [as.chair, { type: 'open-meeting' }]);
    const rolled = run(open, [as.chair, { type: 'mark-attendance', memberId: 'exempt', mark: 'present-online' }], [as.chair, { type: 'close-meeting' }]);
    const report = meetingReport(timed(rolled, '2026-03-31T17:30:00Z', '2026-03-31T19:30:00Z'));
    assert.equal(report.membersCounted, 9);
    assert.equal(report.present, 1);
    assert.deepEqual([report.year, report.month], [2026, 4], '00:30 on 1 April in Vietnam');
    assert.deepEqual([report.durationMinutes, report.requiredMinutes, report.durationMet], [120, 120, true]);
  });

  it('a meeting that never opened is dated by its schedule, with no duration', () => {
    const report = meetingReport(created(testMeeting));
    assert.equal(report.heldAt, testMeeting.scheduledAt);
    assert.equal(report.durationMinutes, 0);
    assert.equal(report.durationMet, false);
    assert.equal(report.present, 0);
    assert.equal(report.membersCounted, 4);
  });
});

describe('absenceVerdict: the 3-month warning from counts made elsewhere', () => {
  it('agrees with absenceHistory for the same absences', () => {
    const rolls = [1, 1, 4, 9].map((month, i) => ({
      meetingId: `m${i}`,
      heldAt: `2026-${String(month).padStart(2, '0')}-10T12:00:00Z`,
      attendance: { a: 'absent-without-reason' as const },
    }));
    const [history] = absenceHistory(rolls, [{ id: 'a' }], 2026);
    assert.deepEqual(absenceVerdict('a', [9, 1, 4, 1], 4, 2026), history);
    assert.equal(history!.level, 'removal-review');
    assert.equal(absenceVerdict('a', [2, 5], 2, 2026).level, 'warning');
    assert.match(absenceVerdict('a', [2, 5], 2, 2026).message.vi, /Điều lệ Đảng, Điều 8, khoản 2/);
    assert.equal(absenceVerdict('a', [], 0, 2026).level, 'none');
  });
});
