import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { attendanceCounts, decide, evolve, replay, type AttendanceMark, type MeetingState } from '../../src/core/index.js';
import { T0, testMeeting } from '../helpers/meeting.js';

const open = evolve(replay([{ type: 'meeting-created', at: T0, meeting: testMeeting }]), { type: 'meeting-opened', at: T0, by: 'chair' });
const mark = (state: MeetingState, memberId: string, m: AttendanceMark): MeetingState =>
  evolve(state, { type: 'attendance-marked', at: T0, by: 'chair', memberId, mark: m, ...(m === 'absent-with-reason' ? { reason: 'ốm' } : {}) });

describe('attendanceCounts (the minutes\' attendance figures)', () => {
  const table: Array<[string, Array<[string, AttendanceMark]>, ReturnType<typeof attendanceCounts>]> = [
    ['nobody marked', [], { total: 4, full: 3, probationary: 1, present: 0, absentWithReason: 0, absentWithoutReason: 0, unmarked: 4 }],
    [
      'one of each, one unmarked',
      [['chair', 'present-online'], ['full-a', 'absent-with-reason'], ['prob', 'absent-without-reason']],
      { total: 4, full: 3, probationary: 1, present: 1, absentWithReason: 1, absentWithoutReason: 1, unmarked: 1 },
    ],
    [
      'a corrected mark counts once',
      [['full-a', 'absent-without-reason'], ['full-a', 'present-online'], ['full-b', 'present-online']],
      { total: 4, full: 3, probationary: 1, present: 2, absentWithReason: 0, absentWithoutReason: 0, unmarked: 2 },
    ],
  ];
  for (const [name, marks, expected] of table) {
    it(name, () => {
      const state = marks.reduce((s, [id, m]) => mark(s, id, m), open);
      assert.deepEqual(attendanceCounts(state), expected);
    });
  }

  it('a delegate online is not counted as a member', () => {
    const state = evolve(open, { type: 'participant-joined', at: T0, participantId: 'delegate' });
    assert.equal(attendanceCounts(state).total, 4);
    assert.equal(attendanceCounts(state).present, 0);
  });

  it('for any sequence of commands, the categories add up to the roster and replay gives the same state', () => {
    const ids = ['chair', 'full-a', 'full-b', 'prob', 'ghost', 'delegate'];
    const marks: AttendanceMark[] = ['present-online', 'absent-with-reason', 'absent-without-reason'];
    const command = fc.record({
      memberId: fc.constantFrom(...ids),
      mark: fc.constantFrom(...marks),
      reason: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let state = open;
        const log = [
          { type: 'meeting-created' as const, at: T0, meeting: testMeeting },
          { type: 'meeting-opened' as const, at: T0, by: 'chair' },
        ];
        for (const c of commands) {
          const decision = decide(state, { type: 'mark-attendance', ...c }, { participantId: 'chair', role: 'chair' }, T0);
          if ('events' in decision) {
            for (const e of decision.events) {
              state = evolve(state, e);
              log.push(e as never);
            }
          }
        }
        const n = attendanceCounts(state);
        assert.equal(n.present + n.absentWithReason + n.absentWithoutReason + n.unmarked, n.total);
        assert.equal(n.full + n.probationary, n.total);
        assert.deepEqual(replay(log), state);
        for (const entry of Object.values(state.attendance)) {
          if (entry.mark === 'absent-with-reason') assert.ok(entry.reason && entry.reason.trim().length > 0);
        }
      }),
    );
  });
});
