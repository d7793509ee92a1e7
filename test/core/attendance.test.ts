import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attendanceCounts, type AttendanceCounts } from '../../src/core/index.js';
import { as, created, hybridMeeting, run, testMeeting } from '../helpers/meeting.js';

const open = run(created(testMeeting), [as.chair, { type: 'open-meeting' }]);
const zero = { attachedHere: 0, exempt: 0, presentInPerson: 0, absentExempt: 0 };

describe('attendance counts as the minutes need them (DOMAIN.md "Attendance record")', () => {
  it('nobody marked', () => {
    assert.deepEqual(attendanceCounts(open), { ...zero, total: 4, full: 3, probationary: 1, present: 0, presentOnline: 0, absentWithReason: 0, absentWithoutReason: 0, unmarked: 4, absentees: [] } satisfies AttendanceCounts);
  });

  it('one of each, the absentees named with their reason; a corrected mark counts once', () => {
    const state = run(
      open,
      [as.chair, { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' }],
      [as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'absent-without-reason' }],
      [as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'absent-with-reason', reason: 'ốm' }],
      [as.chair, { type: 'mark-attendance', memberId: 'prob', mark: 'absent-without-reason' }],
    );
    assert.deepEqual(attendanceCounts(state), {
      ...zero,
      total: 4,
      full: 3,
      probationary: 1,
      present: 1,
      presentOnline: 1,
      absentWithReason: 1,
      absentWithoutReason: 1,
      unmarked: 1,
      absentees: [
        { memberId: 'full-a', name: 'Đảng viên A', mark: 'absent-with-reason', reason: 'ốm' },
        { memberId: 'prob', name: 'Đảng viên dự bị', mark: 'absent-without-reason' },
      ],
    });
  });

  it('a hybrid roll: in person and online, exempt, attached here; delegates never counted', () => {
    const state = run(
      run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }], [as.delegate, { type: 'join' }]),
      [as.tech, { type: 'mark-attendance', memberId: 'room-1', mark: 'present-in-person', bridgePointId: 'xa' }],
      [as.chair, { type: 'mark-attendance', memberId: 'a', mark: 'present-online' }],
      [as.chair, { type: 'mark-attendance', memberId: 'exempt', mark: 'exempt' }],
    );
    const counts = attendanceCounts(state);
    assert.equal(counts.total, 11);
    assert.equal(counts.full, 10);
    assert.equal(counts.attachedHere, 1);
    assert.equal(counts.exempt, 1);
    assert.equal(counts.present, 2);
    assert.equal(counts.presentInPerson, 1);
    assert.equal(counts.presentOnline, 1);
    assert.equal(counts.absentExempt, 1);
    assert.equal(counts.unmarked, 8);
  });
});
