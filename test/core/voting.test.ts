import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { denominator, requiredVotes, voteResult, type Member, type MeetingDefinition, type MeetingState } from '../../src/core/index.js';
import { as, created, hybridMeeting, run } from '../helpers/meeting.js';

/** The worked example of issue 4: 12 full and 2 probationary members. */
function workedExample(): MeetingState {
  const members: Member[] = [
    ...Array.from({ length: 12 }, (_, i): Member => ({ id: `f${i + 1}`, name: `Full ${i + 1}`, status: 'full' })),
    { id: 'p1', name: 'Prob 1', status: 'probationary' },
    { id: 'p2', name: 'Prob 2', status: 'probationary' },
  ];
  members[9] = { ...members[9]!, flags: { attachedElsewhere: true } }; // f10
  members[10] = { ...members[10]!, flags: { exempt: true } }; // f11, absent
  const meeting: MeetingDefinition = { id: 'w', title: 'W', cell: { id: 'c', name: 'C', members }, chairId: 'f1', delegates: [], scheduledAt: '2026-11-23T08:00:00.000Z' };
  const chair = { participantId: 'f1', role: 'chair' } as const;
  let state = run(created(meeting), [chair, { type: 'open-meeting' }]);
  for (let i = 1; i <= 9; i++) state = run(state, [chair, { type: 'mark-attendance', memberId: `f${i}`, mark: 'present-online' }]);
  state = run(
    state,
    [chair, { type: 'mark-attendance', memberId: 'f12', mark: 'absent-with-reason', reason: 'Ốm nằm viện' }],
    [chair, { type: 'mark-attendance', memberId: 'f11', mark: 'exempt' }],
    [chair, { type: 'mark-attendance', memberId: 'p1', mark: 'present-online' }],
    [chair, { type: 'mark-attendance', memberId: 'p2', mark: 'present-online' }],
  );
  return state;
}

/** Runs a vote in the worked example with `agree` votes in favour, the rest of the 9 present full members against. */
function vote(threshold: 'majority' | 'two-thirds', agree: number) {
  let state = workedExample();
  const chair = { participantId: 'f1', role: 'chair' } as const;
  state = run(
    state,
    [chair, { type: 'create-motion', motion: { id: 'm', title: 'M', ballot: 'open', threshold, tags: ['resolution'] } }],
    [chair, { type: 'open-vote', motionId: 'm' }],
  );
  for (let i = 1; i <= 9; i++) {
    state = run(state, [{ participantId: `f${i}`, role: i === 1 ? 'chair' : 'member' }, { type: 'cast-ballot', motionId: 'm', choice: i <= agree ? 'agree' : 'disagree' }]);
  }
  return run(state, [chair, { type: 'close-vote', motionId: 'm' }]).motions[0]!.result!;
}

describe('the legal denominator (QĐ 294-QĐ/TW 9.3.2) and thresholds', () => {
  it('worked example: 12 full members, 1 attached elsewhere, 1 exempt and absent, 1 absent with an accepted reason → 9', () => {
    assert.deepEqual(denominator(workedExample()), { called: 12, attachedElsewhere: 1, exemptAbsent: 1, suspended: 0, absentWithAcceptedReason: 1, value: 9 });
  });

  const table: Array<[threshold: 'majority' | 'two-thirds', agree: number, passed: boolean, required: number, percent: number]> = [
    ['majority', 5, true, 5, 55.6],
    ['majority', 4, false, 5, 44.4],
    ['two-thirds', 5, false, 6, 55.6],
    ['two-thirds', 6, true, 6, 66.7],
  ];
  for (const [threshold, agree, passed, required, percent] of table) {
    it(`${agree}/9 agree ${passed ? 'passes' : 'fails'} "${threshold}"`, () => {
      const result = vote(threshold, agree);
      assert.equal(result.passed, passed);
      assert.equal(result.required, required);
      assert.equal(result.percent, percent);
      assert.equal(result.denominator.value, 9);
      assert.deepEqual(result.tally, { agree, disagree: 9 - agree, other: 0 });
      assert.equal(result.cast, 9);
      assert.equal(Object.keys(result.named!).length, 9);
    });
  }

  const required: Array<[threshold: 'majority' | 'two-thirds', d: number, need: number]> = [
    ['majority', 1, 1], ['majority', 2, 2], ['majority', 9, 5], ['majority', 12, 7], ['majority', 13, 7],
    ['two-thirds', 3, 2], ['two-thirds', 9, 6], ['two-thirds', 10, 7], ['two-thirds', 12, 8],
  ];
  for (const [threshold, d, need] of required) {
    it(`"${threshold}" of ${d} needs ${need}`, () => assert.equal(requiredVotes(threshold, d), need));
  }

  it('an absence with a reason the convener did not accept stays in the denominator', () => {
    const state = run(workedExample(), [{ participantId: 'f1', role: 'chair' }, { type: 'mark-attendance', memberId: 'f12', mark: 'absent-with-reason', reason: 'Đi chơi', reasonAccepted: false }]);
    assert.equal(denominator(state).value, 10);
  });

  it('an exempt member who attends counts, and may vote', () => {
    const state = run(workedExample(), [{ participantId: 'f1', role: 'chair' }, { type: 'mark-attendance', memberId: 'f11', mark: 'present-online' }]);
    assert.equal(denominator(state).value, 10);
  });

  it('absent without reason stays in the denominator: it is never "those present"', () => {
    const state = run(workedExample(), [{ participantId: 'f1', role: 'chair' }, { type: 'mark-attendance', memberId: 'f9', mark: 'absent-without-reason' }]);
    assert.equal(denominator(state).value, 9);
  });
});

describe('hybrid votes: rooms and online combined, each source counted', () => {
  const roll = run(
    run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }]),
    [as.tech, { type: 'mark-attendance', memberId: 'room-1', mark: 'present-in-person', bridgePointId: 'xa' }],
    [as.tech, { type: 'mark-attendance', memberId: 'room-2', mark: 'present-in-person', bridgePointId: 'xa' }],
    [as.chair, { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' }],
    [as.chair, { type: 'mark-attendance', memberId: 'a', mark: 'present-online' }],
    [as.chair, { type: 'mark-attendance', memberId: 'b', mark: 'present-online' }],
  );

  it('an open vote: the room\'s hands by name, plus online ballots', () => {
    const state = run(
      roll,
      [as.chair, { type: 'create-motion', motion: { id: 'o', title: 'O', ballot: 'open', threshold: 'majority', tags: ['resolution'] } }],
      [as.chair, { type: 'open-vote', motionId: 'o' }],
      [as.tech, { type: 'record-hand-vote', motionId: 'o', memberId: 'room-1', choice: 'agree' }],
      [as.tech, { type: 'record-hand-vote', motionId: 'o', memberId: 'room-2', choice: 'disagree' }],
      [as.chair, { type: 'cast-ballot', motionId: 'o', choice: 'agree' }],
      [as.member('a'), { type: 'cast-ballot', motionId: 'o', choice: 'agree' }],
      [as.chair, { type: 'close-vote', motionId: 'o' }],
    );
    const result = state.motions[0]!.result!;
    assert.deepEqual(result.bySource, { xa: { agree: 1, disagree: 1, other: 0 }, online: { agree: 2, disagree: 0, other: 0 } });
    // Called: 9 full not attached here (chair a b c room-1 room-2 exempt away suspended) minus away, suspended, absent exempt → 6.
    assert.equal(result.denominator.value, 6);
    assert.equal(result.required, 4);
    assert.equal(result.passed, false);
    assert.deepEqual(result.named, { 'room-1': 'agree', 'room-2': 'disagree', chair: 'agree', a: 'agree' });
  });

  it('a secret ballot: the room\'s paper totals signed off by the chair, plus sealed online ballots', () => {
    const state = run(
      roll,
      [as.chair, { type: 'create-motion', motion: { id: 's', title: 'S', ballot: 'secret', threshold: 'majority', tags: ['resolution'] } }],
      [as.chair, { type: 'open-vote', motionId: 's' }],
      [as.chair, { type: 'cast-ballot', motionId: 's', choice: 'agree' }],
      [as.member('a'), { type: 'cast-ballot', motionId: 's', choice: 'agree' }],
      [as.member('b'), { type: 'cast-ballot', motionId: 's', choice: 'other' }],
      [as.tech, { type: 'record-paper-tally', motionId: 's', bridgePointId: 'xa', agree: 2, disagree: 0, other: 0 }],
      [as.chair, { type: 'approve-paper-tally', motionId: 's', bridgePointId: 'xa' }],
      [as.chair, { type: 'close-vote', motionId: 's' }],
    );
    const motion = state.motions[0]!;
    assert.deepEqual(motion.result!.bySource, { online: { agree: 2, disagree: 0, other: 1 }, xa: { agree: 2, disagree: 0, other: 0 } });
    assert.equal(motion.result!.passed, true);
    assert.equal(motion.result!.named, undefined);
    assert.deepEqual(Object.keys(motion.votes).sort(), ['a', 'b', 'chair']);
    assert.ok(Object.values(motion.votes).every((v) => v.choice === undefined));
    assert.deepEqual(voteResult(state, motion).tally, { agree: 4, disagree: 0, other: 1 });
  });
});
