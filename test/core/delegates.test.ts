import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as v from 'valibot';
import {
  AUTHORIZATION,
  ClientCommandSchema,
  decide,
  decideServerCommand,
  evolve,
  invitationRole,
  meetingRoles,
  MeetingEventSchema,
  minutesOf,
  parseClientMessage,
  project,
  projectEvent,
  replay,
  seatOf,
  type Command,
  type MeetingEvent,
  type MeetingState,
  type ServerCommand,
} from '../../src/core/index.js';
import { as, created, hybridMeeting, run, T0, testMeeting } from '../helpers/meeting.js';

const scheduled = created(testMeeting);
const open = run(scheduled, [as.chair, { type: 'open-meeting' }]);
const closed = run(open, [as.chair, { type: 'close-meeting' }]);
const son = { id: 'dang-van-son', name: '  Đặng Văn Sơn ', organization: 'Ban Thường vụ Đảng ủy Khối' };
const duk = { id: 'duk', name: 'Điểm cầu Đảng ủy Khối' };

/** Decides and applies a server command; throws on a rejection. */
function assign(state: MeetingState, command: ServerCommand): { state: MeetingState; events: readonly MeetingEvent[] } {
  const decision = decideServerCommand(state, command, 'portal-user', T0);
  if ('rejection' in decision) throw new Error(decision.rejection.code);
  return { state: decision.events.reduce(evolve, state), events: decision.events };
}

describe('assign-delegate (server command)', () => {
  it('makes the upper-level member a delegate seated at their own new bridge point', () => {
    const { state, events } = assign(open, { type: 'assign-delegate', delegate: son, bridgePoint: duk });
    assert.deepEqual(events, [{ type: 'delegate-assigned', at: T0, by: 'portal-user', delegate: { ...son, name: 'Đặng Văn Sơn' }, bridgePoint: duk }]);
    assert.deepEqual(state.delegates.map((d) => d.id), ['delegate', 'dang-van-son']);
    assert.deepEqual(state.bridgePoints.map((b) => b.id), ['online', 'duk']);
    assert.equal(seatOf(state, 'dang-van-son'), 'duk');
    assert.equal(invitationRole(state, 'dang-van-son'), 'delegate');
    assert.deepEqual([...meetingRoles(state, { participantId: 'dang-van-son', role: 'delegate' })], ['delegate']);
    assert.deepEqual(minutesOf(state).delegates.map((d) => d.name), ['Đại biểu', 'Đặng Văn Sơn']);
  });

  it('seats a delegate at an existing bridge point without adding it twice, or at the main one by default', () => {
    const hybrid = run(created(hybridMeeting), [as.chair, { type: 'open-meeting' }]);
    const atXa = assign(hybrid, { type: 'assign-delegate', delegate: { id: 'u1', name: 'U1' }, bridgePoint: { id: 'xa', name: 'ignored' } }).state;
    assert.deepEqual(atXa.bridgePoints, hybrid.bridgePoints);
    assert.equal(seatOf(atXa, 'u1'), 'xa');
    const unseated = assign(atXa, { type: 'assign-delegate', delegate: { id: 'u2', name: 'U2' } }).state;
    assert.equal(seatOf(unseated, 'u2'), 'main');
  });

  it('once assigned, the delegate joins, raises a hand and speaks when given the floor, but never votes', () => {
    let state = assign(open, { type: 'assign-delegate', delegate: son, bridgePoint: duk }).state;
    const upper = { participantId: 'dang-van-son', role: 'delegate' as const };
    state = run(state, [upper, { type: 'join' }], [upper, { type: 'raise-hand' }], [as.chair, { type: 'give-floor', participantId: 'dang-van-son' }]);
    assert.equal(state.floor?.participantId, 'dang-van-son');
    const ballot = decide(state, { type: 'cast-ballot', motionId: 'x', choice: 'agree' }, upper, T0);
    assert.ok('rejection' in ballot && ballot.rejection.code === 'not-allowed');
  });

  const refusals: Array<[string, MeetingState, ServerCommand, string]> = [
    ['after the meeting closed', closed, { type: 'assign-delegate', delegate: son }, 'wrong-phase'],
    ['a member’s id', open, { type: 'assign-delegate', delegate: { id: 'full-a', name: 'X' } }, 'duplicate-id'],
    ['a delegate already there', open, { type: 'assign-delegate', delegate: { id: 'delegate', name: 'X' } }, 'duplicate-id'],
    ['a blank name', open, { type: 'assign-delegate', delegate: { id: 'x', name: '  ' } }, 'invalid-value'],
    ['a blank organization', open, { type: 'assign-delegate', delegate: { id: 'x', name: 'X', organization: '' } }, 'invalid-value'],
    ['a new bridge point without a name', open, { type: 'assign-delegate', delegate: { id: 'x', name: 'X' }, bridgePoint: { id: 'new', name: ' ' } }, 'invalid-value'],
  ];
  for (const [name, state, command, code] of refusals) {
    it(`refuses ${name} (${code})`, () => {
      const decision = decideServerCommand(state, command, 'portal-user', T0);
      assert.ok('rejection' in decision, JSON.stringify(decision));
      assert.equal(decision.rejection.code, code);
    });
  }

  it('is not a client command: the protocol refuses it from a client, and no meeting role may send it', () => {
    const message = { type: 'command', id: 'c1', command: { type: 'assign-delegate', delegate: son } };
    const parsed = parseClientMessage(JSON.stringify(message));
    assert.equal(parsed.ok, false);
    assert.equal('assign-delegate' in AUTHORIZATION, false);
    assert.equal(v.safeParse(ClientCommandSchema, message.command).success, false);
  });

  it('the event passes the protocol schema, every role sees it whole, and a replay gives the same state', () => {
    const { state, events } = assign(open, { type: 'assign-delegate', delegate: son, bridgePoint: duk });
    for (const event of events) {
      assert.ok(v.safeParse(MeetingEventSchema, event).success);
      for (const role of ['chair', 'member', 'delegate', 'guest', 'technician'] as const) assert.deepEqual(projectEvent(event, role), event);
    }
    const log: MeetingEvent[] = [{ type: 'meeting-created', at: T0, meeting: testMeeting }, { type: 'meeting-opened', at: T0, by: 'chair' }, ...events];
    assert.deepEqual(replay(log), state);
    assert.deepEqual(project(state, 'guest').delegates, state.delegates);
  });

  it('for any interleaving of assignments and commands, replaying the log gives the same state and no assigned delegate has a vote (fast-check)', () => {
    const members = ['chair', 'full-a', 'full-b', 'prob'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('assign' as const), n: fc.nat(3), point: fc.constantFrom(undefined, 'duk', 'online') }),
      fc.record({
        kind: fc.constant('command' as const),
        who: fc.constantFrom('chair', 'full-a', 'u0', 'u1', 'u2'),
        command: fc.constantFrom<Command>(
          { type: 'join' },
          { type: 'raise-hand' },
          { type: 'close-meeting' },
          { type: 'create-motion', motion: { id: 'm', title: 'M', ballot: 'open', threshold: 'majority', tags: ['resolution'] } },
          { type: 'open-vote', motionId: 'm' },
          { type: 'cast-ballot', motionId: 'm', choice: 'agree' },
          { type: 'close-vote', motionId: 'm' },
          { type: 'give-floor', participantId: 'u1' },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = open;
        const log: MeetingEvent[] = [{ type: 'meeting-created', at: T0, meeting: testMeeting }, { type: 'meeting-opened', at: T0, by: 'chair' }];
        for (const s of steps) {
          const decision =
            s.kind === 'assign'
              ? decideServerCommand(state, { type: 'assign-delegate', delegate: { id: `u${s.n}`, name: `U${s.n}` }, ...(s.point ? { bridgePoint: { id: s.point, name: 'Điểm cầu' } } : {}) }, 'p', T0)
              : decide(state, s.command, { participantId: s.who, role: members.includes(s.who) ? (s.who === 'chair' ? 'chair' : 'member') : 'delegate' }, T0);
          if ('rejection' in decision) continue;
          for (const event of decision.events) {
            state = evolve(state, event);
            log.push(event);
          }
        }
        assert.deepEqual(replay(log), state);
        assert.equal(new Set(state.delegates.map((d) => d.id)).size, state.delegates.length, 'no delegate twice');
        assert.equal(new Set(state.bridgePoints.map((b) => b.id)).size, state.bridgePoints.length, 'no bridge point twice');
        for (const motion of state.motions) for (const id of ['u0', 'u1', 'u2', 'u3']) assert.equal(motion.votes[id], undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unassign-delegate (server command)', () => {
  const withSon = assign(scheduled, { type: 'assign-delegate', delegate: son, bridgePoint: duk }).state;
  const upper = { participantId: 'dang-van-son', role: 'delegate' as const };

  it('before the meeting opens, the delegate leaves the participants and the seating; the bridge point stays; a replay agrees', () => {
    const { state, events } = assign(withSon, { type: 'unassign-delegate', delegateId: 'dang-van-son' });
    assert.deepEqual(events, [{ type: 'delegate-unassigned', at: T0, by: 'portal-user', delegateId: 'dang-van-son' }]);
    assert.deepEqual(state.delegates.map((d) => d.id), ['delegate']);
    assert.equal(state.seating?.['dang-van-son'], undefined);
    assert.deepEqual(state.bridgePoints.map((b) => b.id), ['online', 'duk']);
    assert.equal(invitationRole(state, 'dang-van-son'), undefined, 'no invite can be issued to them any more');
    assert.deepEqual(minutesOf(state).delegates.map((d) => d.name), ['Đại biểu']);
    for (const event of events) assert.ok(v.safeParse(MeetingEventSchema, event).success);
    const log: MeetingEvent[] = [
      { type: 'meeting-created', at: T0, meeting: testMeeting },
      { type: 'delegate-assigned', at: T0, by: 'portal-user', delegate: { ...son, name: 'Đặng Văn Sơn' }, bridgePoint: duk },
      ...events,
    ];
    assert.deepEqual(replay(log), state);
    // Assigned again later: a delegate once more, at the point named then.
    const again = assign(state, { type: 'assign-delegate', delegate: son }).state;
    assert.deepEqual(again.delegates.map((d) => d.id), ['delegate', 'dang-van-son']);
  });

  it('in the lobby too, while they have not joined', () => {
    const lobby = run(withSon, [as.chair, { type: 'open-lobby' }]);
    assert.equal(lobby.phase, 'lobby');
    assert.deepEqual(assign(lobby, { type: 'unassign-delegate', delegateId: 'dang-van-son' }).state.delegates.map((d) => d.id), ['delegate']);
  });

  const joined = run(withSon, [upper, { type: 'join' }]);
  const left = run(joined, [upper, { type: 'leave' }]);
  const opened = run(withSon, [as.chair, { type: 'open-meeting' }]);
  const refusals: Array<[string, MeetingState, string, string]> = [
    ['once the meeting is open', opened, 'dang-van-son', 'wrong-phase'],
    ['once it is closed', run(opened, [as.chair, { type: 'close-meeting' }]), 'dang-van-son', 'wrong-phase'],
    ['once the delegate joined (while connected)', joined, 'dang-van-son', 'delegate-joined'],
    ['once the delegate joined (and left again)', left, 'dang-van-son', 'delegate-joined'],
    ['a member', withSon, 'full-a', 'unknown-participant'],
    ['someone not in the meeting', withSon, 'nobody', 'unknown-participant'],
  ];
  for (const [name, state, delegateId, code] of refusals) {
    it(`refuses ${name} (${code})`, () => {
      const decision = decideServerCommand(state, { type: 'unassign-delegate', delegateId }, 'portal-user', T0);
      assert.ok('rejection' in decision, JSON.stringify(decision));
      assert.equal(decision.rejection.code, code);
    });
  }

  it('is not a client command', () => {
    assert.equal(parseClientMessage(JSON.stringify({ type: 'command', id: 'c1', command: { type: 'unassign-delegate', delegateId: 'delegate' } })).ok, false);
    assert.equal('unassign-delegate' in AUTHORIZATION, false);
  });
});
