import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, type Actor, type Command, type EventType, type MeetingState, type RejectionCode } from '../../src/core/index.js';
import { as, created, hybridMeeting, run, T0, testMeeting } from '../helpers/meeting.js';

const scheduled = created(testMeeting);
const open = run(scheduled, [as.chair, { type: 'open-meeting' }]);
const online = run(open, [as.member('full-a'), { type: 'join' }]);
const closed = run(open, [as.chair, { type: 'close-meeting' }]);
const lobbyOpen = run(created({ ...testMeeting, policy: { lobbyAdmission: true } }), [as.chair, { type: 'open-meeting' }]);
const rollTaken = run(
  open,
  [as.chair, { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' }],
  [as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }],
  [as.chair, { type: 'mark-attendance', memberId: 'full-b', mark: 'absent-without-reason' }],
  [as.chair, { type: 'mark-attendance', memberId: 'prob', mark: 'present-online' }],
);
const motion = { id: 'm1', title: 'Nghị quyết tháng 11', ballot: 'open', threshold: 'majority', tags: ['resolution'] } as const;
const drafted = run(rollTaken, [as.chair, { type: 'create-motion', motion }]);
const voting = run(drafted, [as.chair, { type: 'open-vote', motionId: 'm1' }]);
const voted = run(voting, [as.member('full-a'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }]);
const secretVoting = run(rollTaken, [as.chair, { type: 'create-motion', motion: { ...motion, id: 's1', ballot: 'secret' } }], [as.chair, { type: 'open-vote', motionId: 's1' }]);
const floorGiven = run(open, [as.chair, { type: 'give-floor', participantId: 'delegate', muteOthers: true }]);
const handUp = run(open, [as.member('full-a'), { type: 'raise-hand' }]);
const adopted = run(
  rollTaken,
  [as.chair, { type: 'create-motion', motion: { id: 'min', title: 'Thông qua biên bản', ballot: 'open', threshold: 'majority', tags: ['minutes-adoption'] } }],
  [as.chair, { type: 'open-vote', motionId: 'min' }],
  [as.chair, { type: 'cast-ballot', motionId: 'min', choice: 'agree' }],
  [as.member('full-a'), { type: 'cast-ballot', motionId: 'min', choice: 'agree' }],
  [as.chair, { type: 'close-vote', motionId: 'min' }],
);
const hybridOpen = run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }]);
const hybridRoll = run(
  hybridOpen,
  [as.tech, { type: 'mark-attendance', memberId: 'room-1', mark: 'present-in-person', bridgePointId: 'xa' }],
  [as.tech, { type: 'mark-attendance', memberId: 'room-2', mark: 'present-in-person', bridgePointId: 'xa' }],
  [as.chair, { type: 'mark-attendance', memberId: 'a', mark: 'present-online' }],
  [as.chair, { type: 'mark-attendance', memberId: 'here', mark: 'present-online' }],
);
const hybridSecret = run(
  hybridRoll,
  [as.chair, { type: 'create-motion', motion: { id: 'h', title: 'Phiếu kín', ballot: 'secret', threshold: 'majority', tags: ['resolution'] } }],
  [as.chair, { type: 'open-vote', motionId: 'h' }],
);
const hybridOpenVote = run(
  hybridRoll,
  [as.chair, { type: 'create-motion', motion: { id: 'o', title: 'Giơ tay', ballot: 'open', threshold: 'majority', tags: ['resolution'] } }],
  [as.chair, { type: 'open-vote', motionId: 'o' }],
);

type Case = [name: string, state: MeetingState, actor: Actor, command: Command, expected: EventType[] | RejectionCode];

const cases: Case[] = [
  // Presence
  ['a member joins', open, as.member('full-a'), { type: 'join' }, ['participant-joined']],
  ['a delegate joins', scheduled, as.delegate, { type: 'join' }, ['participant-joined']],
  ['a token naming someone outside the meeting is refused', open, { participantId: 'nobody', role: 'chair' }, { type: 'join' }, 'not-allowed'],
  ['a member token for a delegate gives no role', open, { participantId: 'delegate', role: 'member' }, { type: 'join' }, 'not-allowed'],
  ['joining twice is refused', online, as.member('full-a'), { type: 'join' }, 'already-joined'],
  ['a joined member leaves', online, as.member('full-a'), { type: 'leave' }, ['participant-left']],
  ['leaving without having joined is refused', open, as.member('full-a'), { type: 'leave' }, 'not-joined'],
  // Phases
  ['the chair opens the lobby', scheduled, as.chair, { type: 'open-lobby' }, ['lobby-opened']],
  ['the chair opens a scheduled meeting', scheduled, as.chair, { type: 'open-meeting' }, ['meeting-opened']],
  ['the chair opens the meeting from the lobby', run(scheduled, [as.chair, { type: 'open-lobby' }]), as.chair, { type: 'open-meeting' }, ['meeting-opened']],
  ['a member cannot open the meeting', scheduled, as.member('full-a'), { type: 'open-meeting' }, 'not-allowed'],
  ['a delegate cannot open the meeting', scheduled, as.delegate, { type: 'open-meeting' }, 'not-allowed'],
  ['an open meeting cannot be opened again', open, as.chair, { type: 'open-meeting' }, 'wrong-phase'],
  ['the chair begins the closing', open, as.chair, { type: 'begin-closing' }, ['closing-begun']],
  ['the chair closes an open meeting', open, as.chair, { type: 'close-meeting' }, ['meeting-closed']],
  ['a meeting cannot close while a vote is open', voting, as.chair, { type: 'close-meeting' }, 'vote-in-progress'],
  ['a meeting that never opened cannot be closed', scheduled, as.chair, { type: 'close-meeting' }, 'wrong-phase'],
  ['a closed meeting cannot be reopened', closed, as.chair, { type: 'open-meeting' }, 'wrong-phase'],
  // Lobby and documents
  ['without a waiting room there is no one to admit', open, as.chair, { type: 'admit', participantId: 'full-a' }, 'no-lobby'],
  ['the chair admits from the lobby', lobbyOpen, as.chair, { type: 'admit', participantId: 'full-a' }, ['participant-admitted']],
  ['the chair turns someone away', lobbyOpen, as.chair, { type: 'refuse-entry', participantId: 'full-a', reason: 'Nhầm cuộc họp' }, ['participant-refused']],
  ['a member cannot admit', lobbyOpen, as.member('full-b'), { type: 'admit', participantId: 'full-a' }, 'not-allowed'],
  ['a waiting member may join to wait', lobbyOpen, as.member('full-a'), { type: 'join' }, ['participant-joined']],
  ['a waiting member cannot act yet', lobbyOpen, as.member('full-a'), { type: 'raise-hand' }, 'not-admitted'],
  ['an admitted member acts', run(lobbyOpen, [as.chair, { type: 'admit', participantId: 'full-a' }]), as.member('full-a'), { type: 'raise-hand' }, ['hand-raised']],
  ['someone turned away cannot join', run(lobbyOpen, [as.chair, { type: 'refuse-entry', participantId: 'full-a' }]), as.member('full-a'), { type: 'join' }, 'not-admitted'],
  ['the chair posts a document', scheduled, as.chair, { type: 'post-document', document: { id: 'bc', title: 'Báo cáo tháng 11', url: 'https://portal.example/bc.pdf' } }, ['document-posted']],
  ['a document link is never javascript:', scheduled, as.chair, { type: 'post-document', document: { id: 'x', title: 'X', url: 'javascript:alert(1)' } }, 'invalid-value'],
  ['a document link never leaves the portal through a backslash', scheduled, as.chair, { type: 'post-document', document: { id: 'x', title: 'X', url: '/\\evil.example/x' } }, 'invalid-value'],
  ['a document link has no control characters', scheduled, as.chair, { type: 'post-document', document: { id: 'x', title: 'X', url: '/\t/evil.example' } }, 'invalid-value'],
  ['a document on the portal by path', scheduled, as.chair, { type: 'post-document', document: { id: 'p', title: 'Báo cáo', url: '/tai-lieu/bao-cao.pdf' } }, ['document-posted']],
  ['a member cannot post a document', scheduled, as.member('full-a'), { type: 'post-document', document: { id: 'x', title: 'X' } }, 'not-allowed'],
  // Recorder
  ['the chair records the elected minute-taker', open, as.chair, { type: 'elect-recorder', memberId: 'full-b' }, ['recorder-elected']],
  ['a delegate cannot be minute-taker', open, as.chair, { type: 'elect-recorder', memberId: 'delegate' }, 'unknown-member'],
  // Attendance
  ['the chair marks a member present online', open, as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, ['attendance-marked']],
  ['an absence with reason needs a reason', open, as.chair, { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason' }, 'reason-required'],
  ['a blank reason is no reason', open, as.chair, { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: '   ' }, 'reason-required'],
  ['a reason over 200 characters is refused', open, as.chair, { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: 'x'.repeat(201) }, 'reason-required'],
  ['a delegate is not on the roll', open, as.chair, { type: 'mark-attendance', memberId: 'delegate', mark: 'present-online' }, 'unknown-member'],
  ['a member cannot take the roll', open, as.member('full-a'), { type: 'mark-attendance', memberId: 'full-b', mark: 'absent-without-reason' }, 'not-allowed'],
  ['without self check-in a member cannot mark themselves', open, as.member('full-a'), { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, 'not-allowed'],
  ['no roll before the meeting opens', scheduled, as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, 'wrong-phase'],
  ['no roll after the meeting closed', closed, as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, 'wrong-phase'],
  ['only an exempt member is marked exempt', open, as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'exempt' }, 'not-exempt'],
  ['an exempt member is marked exempt', hybridOpen, as.chair, { type: 'mark-attendance', memberId: 'exempt', mark: 'exempt' }, ['attendance-marked']],
  ['an operator marks their room present in person', hybridOpen, as.tech, { type: 'mark-attendance', memberId: 'room-1', mark: 'present-in-person', bridgePointId: 'xa' }, ['attendance-marked']],
  ['an operator cannot mark another room', hybridOpen, as.tech, { type: 'mark-attendance', memberId: 'a', mark: 'present-in-person', bridgePointId: 'main' }, 'not-allowed'],
  ['an operator cannot mark absences', hybridOpen, as.tech, { type: 'mark-attendance', memberId: 'room-1', mark: 'absent-without-reason' }, 'not-allowed'],
  ['an unknown bridge point is refused', hybridOpen, as.chair, { type: 'mark-attendance', memberId: 'a', mark: 'present-in-person', bridgePointId: 'moon' }, 'unknown-bridge-point'],
  ['a fully online meeting has no one present in a room', open, as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-in-person' }, 'mode-mismatch'],
  ['an in-person meeting has no one present online', run(created({ ...testMeeting, mode: 'in-person' }), [as.chair, { type: 'open-meeting' }]), as.chair, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, 'mode-mismatch'],
  ['a guest cannot take the roll', hybridOpen, as.guest, { type: 'mark-attendance', memberId: 'a', mark: 'present-online' }, 'not-allowed'],
  // Agenda
  ['the chair starts an item', open, as.chair, { type: 'start-agenda-item', itemId: 'r01' }, ['agenda-item-started']],
  ['an item cannot start before the meeting opens', scheduled, as.chair, { type: 'start-agenda-item', itemId: 'r01' }, 'wrong-phase'],
  ['an unknown item cannot start', open, as.chair, { type: 'start-agenda-item', itemId: 'zz' }, 'unknown-agenda-item'],
  ['a done item cannot start again', run(open, [as.chair, { type: 'start-agenda-item', itemId: 'r01' }], [as.chair, { type: 'start-agenda-item', itemId: 'r02' }]), as.chair, { type: 'start-agenda-item', itemId: 'r01' }, 'agenda-item-not-pending'],
  ['finishing needs a running item', open, as.chair, { type: 'finish-agenda-item' }, 'no-running-item'],
  ['the chair skips an item with a reason', open, as.chair, { type: 'skip-agenda-item', itemId: 'r14', reason: 'Không có hồ sơ kết nạp' }, ['agenda-item-skipped']],
  ['skipping needs a reason', open, as.chair, { type: 'skip-agenda-item', itemId: 'r14', reason: ' ' }, 'reason-required'],
  ['the chair adds an item', scheduled, as.chair, { type: 'add-agenda-item', item: { id: 'x1', title: 'Học tập nghị quyết', step: 'content', plannedMinutes: 10 }, afterId: 'r07' }, ['agenda-item-added']],
  ['an item id is unique', scheduled, as.chair, { type: 'add-agenda-item', item: { id: 'r01', title: 'Trùng', step: 'content', plannedMinutes: 10 } }, 'duplicate-id'],
  ['planned minutes are a whole number', scheduled, as.chair, { type: 'add-agenda-item', item: { id: 'x2', title: 'Lẻ', step: 'content', plannedMinutes: 2.5 } }, 'invalid-value'],
  ['the chair moves a pending item', scheduled, as.chair, { type: 'move-agenda-item', itemId: 'r09', toIndex: 5 }, ['agenda-item-moved']],
  ['a position past the end is refused', scheduled, as.chair, { type: 'move-agenda-item', itemId: 'r09', toIndex: 99 }, 'invalid-value'],
  ['a member cannot change the program', scheduled, as.member('full-a'), { type: 'skip-agenda-item', itemId: 'r14', reason: 'x' }, 'not-allowed'],
  // Speakers
  ['a member raises a hand', open, as.member('full-a'), { type: 'raise-hand' }, ['hand-raised']],
  ['a probationary member raises a hand (may speak)', open, as.member('prob'), { type: 'raise-hand' }, ['hand-raised']],
  ['a delegate raises a hand', open, as.delegate, { type: 'raise-hand' }, ['hand-raised']],
  ['a guest does not raise a hand', hybridOpen, as.guest, { type: 'raise-hand' }, 'not-allowed'],
  ['a hand is raised once', handUp, as.member('full-a'), { type: 'raise-hand' }, 'hand-already-raised'],
  ['a member lowers their own hand', handUp, as.member('full-a'), { type: 'lower-hand' }, ['hand-lowered']],
  ['a member cannot lower another\'s hand', handUp, as.member('full-b'), { type: 'lower-hand', participantId: 'full-a' }, 'not-allowed'],
  ['the chair lowers someone\'s hand', handUp, as.chair, { type: 'lower-hand', participantId: 'full-a' }, ['hand-lowered']],
  ['lowering needs a raised hand', open, as.member('full-a'), { type: 'lower-hand' }, 'hand-not-raised'],
  ['the chair gives the delegate the floor', open, as.chair, { type: 'give-floor', participantId: 'delegate', muteOthers: true }, ['floor-given']],
  ['the floor goes only to a participant', open, as.chair, { type: 'give-floor', participantId: 'nobody' }, 'unknown-participant'],
  ['a member cannot give the floor', open, as.member('full-a'), { type: 'give-floor', participantId: 'full-a' }, 'not-allowed'],
  ['the speaker ends their own turn', floorGiven, as.delegate, { type: 'end-floor' }, ['floor-ended']],
  ['someone else cannot end the turn', floorGiven, as.member('full-a'), { type: 'end-floor' }, 'not-allowed'],
  ['ending needs someone at the floor', open, as.chair, { type: 'end-floor' }, 'no-floor'],
  ['no speakers before the meeting opens', scheduled, as.member('full-a'), { type: 'raise-hand' }, 'wrong-phase'],
  // Motions and votes
  ['the chair drafts a motion', rollTaken, as.chair, { type: 'create-motion', motion }, ['motion-created']],
  ['a motion id is unique', drafted, as.chair, { type: 'create-motion', motion }, 'duplicate-id'],
  ['admission needs two thirds', rollTaken, as.chair, { type: 'create-motion', motion: { ...motion, tags: ['admission'] } }, 'content-not-allowed-online'],
  ['admission needs two thirds (hybrid)', hybridRoll, as.chair, { type: 'create-motion', motion: { ...motion, tags: ['admission'] } }, 'threshold-too-low'],
  ['admission with two thirds in a hybrid meeting', hybridRoll, as.chair, { type: 'create-motion', motion: { ...motion, tags: ['admission'], threshold: 'two-thirds' } }, ['motion-created']],
  ['discipline is refused in a fully online meeting', rollTaken, as.chair, { type: 'create-motion', motion: { ...motion, tags: ['discipline'] } }, 'content-not-allowed-online'],
  ['a secret ballot cannot be changeable', rollTaken, as.chair, { type: 'create-motion', motion: { ...motion, ballot: 'secret', allowChange: true } }, 'secret-not-changeable'],
  ['the chair opens the vote', drafted, as.chair, { type: 'open-vote', motionId: 'm1' }, ['vote-opened']],
  ['an unknown motion', drafted, as.chair, { type: 'open-vote', motionId: 'zz' }, 'unknown-motion'],
  ['a vote opens once', voting, as.chair, { type: 'open-vote', motionId: 'm1' }, 'wrong-vote-status'],
  ['a present full member votes', voting, as.member('full-a'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, ['ballot-cast']],
  ['a probationary member never votes', voting, as.member('prob'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, 'not-allowed'],
  ['a delegate never votes', voting, as.delegate, { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, 'not-allowed'],
  ['an absent member does not vote', voting, as.member('full-b'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, 'not-present'],
  ['nobody votes twice', voted, as.member('full-a'), { type: 'cast-ballot', motionId: 'm1', choice: 'disagree' }, 'already-voted'],
  ['no ballot before the vote opens', drafted, as.member('full-a'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, 'wrong-vote-status'],
  ['a secret ballot is cast without its choice in the log', secretVoting, as.member('full-a'), { type: 'cast-ballot', motionId: 's1', choice: 'disagree' }, ['ballot-cast']],
  ['the chair closes the vote', voted, as.chair, { type: 'close-vote', motionId: 'm1' }, ['vote-closed']],
  ['a member cannot close the vote', voted, as.member('full-a'), { type: 'close-vote', motionId: 'm1' }, 'not-allowed'],
  ['a suspended member does not vote', run(hybridRoll, [as.chair, { type: 'create-motion', motion }], [as.chair, { type: 'open-vote', motionId: 'm1' }]), as.member('suspended'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, 'not-eligible'],
  ['a member attached here does not vote by default', run(hybridRoll, [as.chair, { type: 'create-motion', motion }], [as.chair, { type: 'open-vote', motionId: 'm1' }]), as.member('here'), { type: 'cast-ballot', motionId: 'm1', choice: 'agree' }, 'not-eligible'],
  ['a member present in a room votes through the room', hybridOpenVote, as.member('room-1'), { type: 'cast-ballot', motionId: 'o', choice: 'agree' }, 'vote-at-bridge-point'],
  ['the operator records a raised hand by name', hybridOpenVote, as.tech, { type: 'record-hand-vote', motionId: 'o', memberId: 'room-1', choice: 'agree' }, ['ballot-cast']],
  ['the operator records only their room', hybridOpenVote, as.tech, { type: 'record-hand-vote', motionId: 'o', memberId: 'a', choice: 'agree' }, 'not-present'],
  ['hands are not recorded in a secret ballot', hybridSecret, as.tech, { type: 'record-hand-vote', motionId: 'h', memberId: 'room-1', choice: 'agree' }, 'wrong-vote-status'],
  ['the operator enters the room\'s paper totals', hybridSecret, as.tech, { type: 'record-paper-tally', motionId: 'h', bridgePointId: 'xa', agree: 1, disagree: 1, other: 0 }, ['paper-tally-recorded']],
  ['paper totals cannot exceed the room\'s voters', hybridSecret, as.tech, { type: 'record-paper-tally', motionId: 'h', bridgePointId: 'xa', agree: 3, disagree: 0, other: 0 }, 'paper-tally-too-large'],
  ['paper totals for another room are refused', hybridSecret, as.tech, { type: 'record-paper-tally', motionId: 'h', bridgePointId: 'main', agree: 0, disagree: 0, other: 0 }, 'not-allowed'],
  ['unapproved paper totals block the close', run(hybridSecret, [as.tech, { type: 'record-paper-tally', motionId: 'h', bridgePointId: 'xa', agree: 2, disagree: 0, other: 0 }]), as.chair, { type: 'close-vote', motionId: 'h' }, 'paper-tally-unapproved'],
  ['the chair signs off paper totals', run(hybridSecret, [as.tech, { type: 'record-paper-tally', motionId: 'h', bridgePointId: 'xa', agree: 2, disagree: 0, other: 0 }]), as.chair, { type: 'approve-paper-tally', motionId: 'h', bridgePointId: 'xa' }, ['paper-tally-approved']],
  // Conclusions, tasks, rating, minutes
  ['the chair assigns a task', open, as.chair, { type: 'assign-task', taskId: 't1', description: 'Thu đảng phí quý IV', assigneeId: 'full-a', deadline: '2026-12-15' }, ['task-assigned']],
  ['a task needs a real deadline', open, as.chair, { type: 'assign-task', taskId: 't1', description: 'x', assigneeId: 'full-a', deadline: 'soon' }, 'invalid-value'],
  ['a task goes to a participant', open, as.chair, { type: 'assign-task', taskId: 't1', description: 'x', assigneeId: 'ghost', deadline: '2026-12-15' }, 'unknown-participant'],
  ['the chair records a conclusion', open, as.chair, { type: 'record-conclusion', text: 'Chi bộ thống nhất…' }, ['conclusion-recorded']],
  ['the chair rates the meeting', open, as.chair, { type: 'rate-meeting', score: 92 }, ['meeting-rated']],
  ['a score is 0 to 100', open, as.chair, { type: 'rate-meeting', score: 101 }, 'invalid-value'],
  ['the recorder adds a note', run(open, [as.chair, { type: 'elect-recorder', memberId: 'full-b' }]), as.member('full-b'), { type: 'add-minutes-note', text: 'Đ/c A phát biểu…' }, ['minutes-note-added']],
  ['a member who is not the recorder adds no note', open, as.member('full-b'), { type: 'add-minutes-note', text: 'x' }, 'not-allowed'],
  ['the minutes are read back', open, as.chair, { type: 'read-back-minutes' }, ['minutes-read-back']],
  ['adopted minutes are locked', adopted, as.chair, { type: 'add-minutes-note', text: 'sửa' }, 'minutes-locked'],
  ['the minute-taker of record stays after adoption', adopted, as.chair, { type: 'elect-recorder', memberId: 'full-b' }, 'minutes-locked'],
  ['adopted minutes take an annex', adopted, as.chair, { type: 'add-minutes-annex', text: 'Phụ lục' }, ['minutes-annex-added']],
  ['an annex is only for adopted minutes', open, as.chair, { type: 'add-minutes-annex', text: 'Phụ lục' }, 'minutes-not-adopted'],
];

describe('decide: every command\'s accept and reject paths', () => {
  for (const [name, state, actor, command, expected] of cases) {
    it(name, () => {
      const decision = decide(state, command, actor, T0);
      if (typeof expected === 'string') {
        assert.ok('rejection' in decision, `expected ${expected}, got ${JSON.stringify(decision)}`);
        assert.equal(decision.rejection.code, expected, decision.rejection.message);
        assert.ok(decision.rejection.message.length > 0);
      } else {
        assert.ok('events' in decision, `expected events, got ${JSON.stringify(decision)}`);
        assert.deepEqual(decision.events.map((e) => e.type), expected);
      }
    });
  }
});

describe('decide: details', () => {
  it('keeps a trimmed reason, accepted unless said otherwise, and the marker', () => {
    const decision = decide(open, { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: '  ốm  ' }, as.chair, T0);
    assert.deepEqual(decision, { events: [{ type: 'attendance-marked', at: T0, by: 'chair', memberId: 'prob', mark: 'absent-with-reason', reason: 'ốm', reasonAccepted: true }] });
  });

  it('records the room of a member present in person (their seat by default), and none for one online', () => {
    const hybrid = run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }]);
    const inRoom = decide(hybrid, { type: 'mark-attendance', memberId: 'room-1', mark: 'present-in-person' }, as.chair, T0);
    assert.ok('events' in inRoom);
    assert.equal((inRoom.events[0] as { bridgePointId?: string }).bridgePointId, 'xa');
    const online = decide(hybrid, { type: 'mark-attendance', memberId: 'a', mark: 'present-online' }, as.chair, T0);
    assert.ok('events' in online);
    assert.equal((online.events[0] as { bridgePointId?: string }).bridgePointId, undefined);
  });

  it('hands a secret ballot\'s choice to the ballot box, not to the log', () => {
    const decision = decide(secretVoting, { type: 'cast-ballot', motionId: 's1', choice: 'disagree' }, as.member('full-a'), T0);
    assert.ok('events' in decision);
    assert.deepEqual(decision.sealed, { motionId: 's1', choice: 'disagree' });
    assert.ok(!JSON.stringify(decision.events).includes('disagree'));
  });

  it('adopts the minutes when their vote passes, and only then', () => {
    assert.equal(adopted.minutes.status, 'adopted');
    assert.equal(adopted.minutes.adoptionMotionId, 'min');
    const failed = run(
      rollTaken,
      [as.chair, { type: 'create-motion', motion: { id: 'min', title: 'Thông qua biên bản', ballot: 'open', threshold: 'majority', tags: ['minutes-adoption'] } }],
      [as.chair, { type: 'open-vote', motionId: 'min' }],
      [as.chair, { type: 'cast-ballot', motionId: 'min', choice: 'agree' }],
      [as.chair, { type: 'close-vote', motionId: 'min' }],
    );
    assert.equal(failed.minutes.status, 'draft');
  });

  it('with self check-in, a member marks only themselves, and only present online', () => {
    const selfCheckIn = run(created({ ...testMeeting, policy: { selfCheckIn: true } }), [as.chair, { type: 'open-meeting' }]);
    assert.ok('events' in decide(selfCheckIn, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }, as.member('full-a'), T0));
    const other = decide(selfCheckIn, { type: 'mark-attendance', memberId: 'full-b', mark: 'present-online' }, as.member('full-a'), T0);
    assert.ok('rejection' in other && other.rejection.code === 'not-allowed');
    const absent = decide(selfCheckIn, { type: 'mark-attendance', memberId: 'full-a', mark: 'absent-without-reason' }, as.member('full-a'), T0);
    assert.ok('rejection' in absent && absent.rejection.code === 'not-allowed');
  });
});
