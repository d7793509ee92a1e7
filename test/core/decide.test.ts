import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, evolve, replay, type Actor, type Command, type MeetingEvent, type MeetingState, type RejectionCode } from '../../src/core/index.js';
import { T0, testMeeting } from '../helpers/meeting.js';

const chair: Actor = { participantId: 'chair', role: 'chair' };
const member: Actor = { participantId: 'full-a', role: 'member' };
const delegate: Actor = { participantId: 'delegate', role: 'delegate' };
const stranger: Actor = { participantId: 'nobody', role: 'chair' };

const created: MeetingEvent = { type: 'meeting-created', at: T0, meeting: testMeeting };
const scheduled = replay([created]);
const open = evolve(scheduled, { type: 'meeting-opened', at: T0, by: 'chair' });
const closed = evolve(open, { type: 'meeting-closed', at: T0, by: 'chair' });
const withMemberOnline = evolve(open, { type: 'participant-joined', at: T0, participantId: 'full-a' });

interface Case {
  readonly name: string;
  readonly state: MeetingState;
  readonly command: Command;
  readonly actor: Actor;
  readonly expected: MeetingEvent[] | RejectionCode;
}

const cases: Case[] = [
  // join / leave
  { name: 'a member joins', state: open, command: { type: 'join' }, actor: member, expected: [{ type: 'participant-joined', at: T0, participantId: 'full-a' }] },
  { name: 'a delegate joins', state: scheduled, command: { type: 'join' }, actor: delegate, expected: [{ type: 'participant-joined', at: T0, participantId: 'delegate' }] },
  { name: 'someone not in the meeting cannot join, whatever role the token claims', state: open, command: { type: 'join' }, actor: stranger, expected: 'not-allowed' },
  { name: 'joining twice is refused', state: withMemberOnline, command: { type: 'join' }, actor: member, expected: 'already-joined' },
  { name: 'a joined member leaves', state: withMemberOnline, command: { type: 'leave' }, actor: member, expected: [{ type: 'participant-left', at: T0, participantId: 'full-a' }] },
  { name: 'leaving without having joined is refused', state: open, command: { type: 'leave' }, actor: member, expected: 'not-joined' },
  // open
  { name: 'the chair opens a scheduled meeting', state: scheduled, command: { type: 'open-meeting' }, actor: chair, expected: [{ type: 'meeting-opened', at: T0, by: 'chair' }] },
  { name: 'a member cannot open the meeting', state: scheduled, command: { type: 'open-meeting' }, actor: member, expected: 'not-allowed' },
  { name: 'a delegate cannot open the meeting', state: scheduled, command: { type: 'open-meeting' }, actor: delegate, expected: 'not-allowed' },
  { name: 'an open meeting cannot be opened again', state: open, command: { type: 'open-meeting' }, actor: chair, expected: 'wrong-phase' },
  { name: 'a closed meeting cannot be reopened', state: closed, command: { type: 'open-meeting' }, actor: chair, expected: 'wrong-phase' },
  // attendance
  { name: 'the chair marks a member present', state: open, command: { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, actor: chair, expected: [{ type: 'attendance-marked', at: T0, by: 'chair', memberId: 'full-a', mark: 'present-online' }] },
  { name: 'a reason given with another mark is not recorded', state: open, command: { type: 'mark-attendance', memberId: 'full-a', mark: 'absent-without-reason', reason: 'x' }, actor: chair, expected: [{ type: 'attendance-marked', at: T0, by: 'chair', memberId: 'full-a', mark: 'absent-without-reason' }] },
  { name: 'an absence with reason keeps the trimmed reason', state: open, command: { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: '  ốm  ' }, actor: chair, expected: [{ type: 'attendance-marked', at: T0, by: 'chair', memberId: 'prob', mark: 'absent-with-reason', reason: 'ốm' }] },
  { name: 'an absence with reason needs a reason', state: open, command: { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason' }, actor: chair, expected: 'reason-required' },
  { name: 'a blank reason is no reason', state: open, command: { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: '   ' }, actor: chair, expected: 'reason-required' },
  { name: 'a reason over 200 characters is refused', state: open, command: { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: 'x'.repeat(201) }, actor: chair, expected: 'reason-required' },
  { name: 'a delegate is not on the roll', state: open, command: { type: 'mark-attendance', memberId: 'delegate', mark: 'present-online' }, actor: chair, expected: 'unknown-member' },
  { name: 'an unknown member cannot be marked', state: open, command: { type: 'mark-attendance', memberId: 'ghost', mark: 'present-online' }, actor: chair, expected: 'unknown-member' },
  { name: 'a member cannot take the roll', state: open, command: { type: 'mark-attendance', memberId: 'full-b', mark: 'absent-without-reason' }, actor: member, expected: 'not-allowed' },
  { name: 'a delegate cannot take the roll', state: open, command: { type: 'mark-attendance', memberId: 'full-b', mark: 'present-online' }, actor: delegate, expected: 'not-allowed' },
  { name: 'no roll before the meeting opens', state: scheduled, command: { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, actor: chair, expected: 'wrong-phase' },
  { name: 'no roll after the meeting closed', state: closed, command: { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, actor: chair, expected: 'wrong-phase' },
  // close
  { name: 'the chair closes an open meeting', state: open, command: { type: 'close-meeting' }, actor: chair, expected: [{ type: 'meeting-closed', at: T0, by: 'chair' }] },
  { name: 'a member cannot close the meeting', state: open, command: { type: 'close-meeting' }, actor: member, expected: 'not-allowed' },
  { name: 'a meeting that never opened cannot be closed', state: scheduled, command: { type: 'close-meeting' }, actor: chair, expected: 'wrong-phase' },
  { name: 'a closed meeting cannot be closed again', state: closed, command: { type: 'close-meeting' }, actor: chair, expected: 'wrong-phase' },
];

describe('decide', () => {
  for (const c of cases) {
    it(c.name, () => {
      const decision = decide(c.state, c.command, c.actor, T0);
      if (typeof c.expected === 'string') {
        assert.ok('rejection' in decision, `expected a rejection, got ${JSON.stringify(decision)}`);
        assert.equal(decision.rejection.code, c.expected);
        assert.ok(decision.rejection.message.length > 0);
      } else {
        assert.deepEqual(decision, { events: c.expected });
      }
    });
  }
});

describe('evolve', () => {
  it('records marks, a later mark replacing an earlier one', () => {
    let state = open;
    state = evolve(state, { type: 'attendance-marked', at: T0, by: 'chair', memberId: 'full-a', mark: 'absent-with-reason', reason: 'ốm' });
    assert.deepEqual(state.attendance['full-a'], { mark: 'absent-with-reason', reason: 'ốm', markedAt: T0 });
    state = evolve(state, { type: 'attendance-marked', at: '2026-11-23T08:05:00.000Z', by: 'chair', memberId: 'full-a', mark: 'present-online' });
    assert.deepEqual(state.attendance['full-a'], { mark: 'present-online', markedAt: '2026-11-23T08:05:00.000Z' });
  });

  it('keeps presence with its time and drops it on leave', () => {
    assert.deepEqual(withMemberOnline.connected, { 'full-a': { since: T0 } });
    assert.deepEqual(evolve(withMemberOnline, { type: 'participant-left', at: T0, participantId: 'full-a' }).connected, {});
  });

  it('moves through the phases with their times', () => {
    assert.equal(scheduled.phase, 'scheduled');
    assert.equal(open.phase, 'open');
    assert.equal(open.openedAt, T0);
    assert.equal(closed.phase, 'closed');
    assert.equal(closed.closedAt, T0);
  });

  it('refuses a log that does not start with meeting-created', () => {
    assert.throws(() => replay([{ type: 'meeting-opened', at: T0, by: 'chair' }]), /must start with meeting-created/);
    assert.throws(() => replay([]), /empty log/);
  });

  it('does not change the state it is given', () => {
    const before = JSON.stringify(open);
    evolve(open, { type: 'participant-joined', at: T0, participantId: 'chair' });
    evolve(open, { type: 'attendance-marked', at: T0, by: 'chair', memberId: 'chair', mark: 'present-online' });
    assert.equal(JSON.stringify(open), before);
  });
});
