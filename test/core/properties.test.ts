import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  AUTHORIZATION,
  decide,
  depositSealed,
  evolve,
  meetingRoles,
  project,
  replay,
  withBallotBox,
  type Actor,
  type Command,
  type CommandType,
  type MeetingEvent,
  type MeetingState,
  type Tally,
  type TokenRole,
} from '../../src/core/index.js';
import { created, hybridMeeting, T0 } from '../helpers/meeting.js';

const actors: Actor[] = [
  { participantId: 'chair', role: 'chair' },
  ...['a', 'b', 'c', 'room-1', 'room-2', 'exempt', 'here', 'away', 'suspended', 'prob'].map((id): Actor => ({ participantId: id, role: 'member' })),
  { participantId: 'delegate', role: 'delegate' },
  { participantId: 'guest', role: 'guest' },
  { participantId: 'tech', role: 'technician' },
  { participantId: 'stranger', role: 'chair' },
];
const members = ['chair', 'a', 'b', 'c', 'room-1', 'room-2', 'exempt', 'here', 'away', 'suspended', 'prob', 'delegate'];
const motions = ['o1', 's1'];

/** A pool of commands: enough variety to reach every rule, small enough to collide. */
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>({ type: 'join' }, { type: 'leave' }, { type: 'open-lobby' }, { type: 'open-meeting' }, { type: 'begin-closing' }, { type: 'close-meeting' }, { type: 'raise-hand' }, { type: 'end-floor' }, { type: 'finish-agenda-item' }, { type: 'read-back-minutes' }),
  fc.record({
    type: fc.constant('mark-attendance' as const),
    memberId: fc.constantFrom(...members),
    mark: fc.constantFrom('present-in-person' as const, 'present-online' as const, 'absent-with-reason' as const, 'absent-without-reason' as const, 'exempt' as const),
    reason: fc.constantFrom(undefined, 'ốm', ' '),
    bridgePointId: fc.constantFrom(undefined, 'main', 'xa'),
  }),
  fc.record({ type: fc.constant('create-motion' as const), motion: fc.record({ id: fc.constantFrom(...motions), title: fc.constant('Nghị quyết'), ballot: fc.constantFrom('open' as const, 'secret' as const), threshold: fc.constantFrom('majority' as const, 'two-thirds' as const), tags: fc.constantFrom(['resolution' as const], ['minutes-adoption' as const]), allowChange: fc.boolean(), showLiveTally: fc.boolean() }) }),
  fc.record({ type: fc.constantFrom('open-vote' as const, 'close-vote' as const), motionId: fc.constantFrom(...motions) }),
  fc.record({ type: fc.constant('cast-ballot' as const), motionId: fc.constantFrom(...motions), choice: fc.constantFrom('agree' as const, 'disagree' as const, 'other' as const) }),
  fc.record({ type: fc.constant('record-hand-vote' as const), motionId: fc.constantFrom(...motions), memberId: fc.constantFrom(...members), choice: fc.constantFrom('agree' as const, 'disagree' as const) }),
  fc.record({ type: fc.constant('record-paper-tally' as const), motionId: fc.constantFrom(...motions), bridgePointId: fc.constantFrom('xa', 'main'), agree: fc.nat(3), disagree: fc.nat(2), other: fc.nat(1) }),
  fc.record({ type: fc.constant('approve-paper-tally' as const), motionId: fc.constantFrom(...motions), bridgePointId: fc.constantFrom('xa', 'main') }),
  fc.record({ type: fc.constant('give-floor' as const), participantId: fc.constantFrom(...members), muteOthers: fc.boolean() }),
  fc.record({ type: fc.constant('start-agenda-item' as const), itemId: fc.constantFrom('r01', 'r02', 'r13') }),
  fc.record({ type: fc.constant('elect-recorder' as const), memberId: fc.constantFrom(...members) }),
  fc.record({ type: fc.constant('add-minutes-note' as const), text: fc.constant('Ghi chép') }),
);

interface Run {
  readonly state: MeetingState;
  readonly log: MeetingEvent[];
  readonly box: Record<string, Tally>;
}

/** Applies the steps as the server would: decide, record, evolve, deposit the sealed ballot. */
function play(steps: Array<[number, Command]>, start: MeetingState = created(hybridMeeting)): Run {
  let state = start;
  const log: MeetingEvent[] = [{ type: 'meeting-created', at: T0, meeting: hybridMeeting }];
  const box: Record<string, Tally> = {};
  for (const [who, cmd] of steps) {
    const decision = decide(state, cmd, actors[who]!, T0);
    if ('rejection' in decision) continue;
    for (const event of decision.events) {
      state = evolve(state, event);
      log.push(event);
    }
    if (decision.sealed) {
      state = depositSealed(state, decision.sealed);
      const t = box[decision.sealed.motionId] ?? { agree: 0, disagree: 0, other: 0 };
      box[decision.sealed.motionId] = { ...t, [decision.sealed.choice]: t[decision.sealed.choice] + 1 };
    }
  }
  return { state, log, box };
}

// Start most runs in an open meeting so that votes are reached.
const steps = fc.array(fc.tuple(fc.nat(actors.length - 1), command), { minLength: 1, maxLength: 80 }).map((s): Array<[number, Command]> => [[0, { type: 'open-meeting' }], ...s]);
const statusEligible = new Set(['chair', 'a', 'b', 'c', 'room-1', 'room-2', 'exempt']);

describe('invariants of the core, for any sequence of commands (fast-check)', () => {
  it('replaying the log (and the ballot box) gives the same state', () => {
    fc.assert(fc.property(steps, (s) => {
      const { state, log, box } = play(s);
      assert.deepEqual(withBallotBox(replay(log), box), state);
    }), { numRuns: 300 });
  });

  it('nobody votes twice, only eligible full members vote, and a tally never exceeds the eligible voters', () => {
    fc.assert(fc.property(steps, (s) => {
      const { state } = play(s);
      for (const motion of state.motions) {
        for (const voter of Object.keys(motion.votes)) assert.ok(statusEligible.has(voter), `${voter} voted on ${motion.id}`);
        const result = motion.result;
        if (result) {
          assert.ok(result.cast <= statusEligible.size, `cast ${result.cast}`);
          assert.ok(result.tally.agree + result.tally.disagree + result.tally.other === result.cast);
          assert.ok(result.denominator.value <= result.denominator.called);
        }
        const online = motion.sealed ? motion.sealed.agree + motion.sealed.disagree + motion.sealed.other : 0;
        const onlineVoters = Object.values(motion.votes).filter((v) => v.source === 'online').length;
        if (motion.ballot === 'secret') assert.equal(online, onlineVoters, 'one sealed choice per online voter');
      }
    }), { numRuns: 300 });
  });

  it('a probationary member, a delegate, a guest or a technician never has a counted vote', () => {
    fc.assert(fc.property(steps, (s) => {
      const { state } = play(s);
      for (const motion of state.motions) {
        for (const id of ['prob', 'delegate', 'guest', 'tech', 'here', 'away', 'suspended']) {
          assert.equal(motion.votes[id], undefined);
          assert.equal(motion.result?.named?.[id], undefined);
        }
      }
    }), { numRuns: 300 });
  });

  it('no projection, for any role, reveals a secret ballot\'s choice or totals before the close', () => {
    const roles: TokenRole[] = ['chair', 'member', 'delegate', 'guest', 'technician'];
    fc.assert(fc.property(steps, (s) => {
      const { state } = play(s);
      for (const role of roles) {
        const seen = project(state, role);
        for (const motion of seen.motions) {
          assert.equal(motion.sealed, undefined);
          if (motion.ballot === 'secret') assert.ok(Object.values(motion.votes).every((v) => v.choice === undefined));
          if (motion.ballot === 'open' && motion.status === 'voting' && !motion.showLiveTally) {
            assert.ok(Object.values(motion.votes).every((v) => v.choice === undefined));
          }
        }
        if (role === 'guest' || role === 'technician') assert.ok(Object.values(seen.attendance).every((e) => e.reason === undefined));
      }
    }), { numRuns: 300 });
  });
});

describe('the authorization table, every role × command pair', () => {
  // Personas that each hold exactly the roles listed, in a meeting where all commands are possible.
  const personas: Array<[Actor, string[]]> = [
    [{ participantId: 'chair', role: 'chair' }, ['chair', 'full-member']],
    [{ participantId: 'a', role: 'member' }, ['full-member']],
    [{ participantId: 'prob', role: 'member' }, ['probationary-member']],
    [{ participantId: 'delegate', role: 'delegate' }, ['delegate']],
    [{ participantId: 'guest', role: 'guest' }, ['guest']],
    [{ participantId: 'tech', role: 'technician' }, ['technician', 'operator']],
    [{ participantId: 'b', role: 'member' }, ['full-member', 'recorder']],
  ];
  // Lobby admission on, everyone admitted: the table, not the waiting room, decides here.
  const lobby = created({ ...hybridMeeting, policy: { lobbyAdmission: true } });
  const admitAll = ['a', 'b', 'prob', 'delegate', 'guest', 'tech'].map((id): [number, Command] => [0, { type: 'admit', participantId: id }]);
  const base = play([[0, { type: 'open-meeting' }], [0, { type: 'elect-recorder', memberId: 'b' }], ...admitAll], lobby).state;
  const sample: Record<CommandType, Command> = {
    join: { type: 'join' }, leave: { type: 'leave' }, 'open-lobby': { type: 'open-lobby' }, 'open-meeting': { type: 'open-meeting' },
    'begin-closing': { type: 'begin-closing' },
    admit: { type: 'admit', participantId: 'a' }, 'refuse-entry': { type: 'refuse-entry', participantId: 'a' },
    'post-document': { type: 'post-document', document: { id: 'd', title: 'Báo cáo' } }, 'close-meeting': { type: 'close-meeting' }, 'elect-recorder': { type: 'elect-recorder', memberId: 'a' },
    'mark-attendance': { type: 'mark-attendance', memberId: 'a', mark: 'present-online' },
    'add-agenda-item': { type: 'add-agenda-item', item: { id: 'n', title: 'N', step: 'content', plannedMinutes: 5 } },
    'move-agenda-item': { type: 'move-agenda-item', itemId: 'r05', toIndex: 6 }, 'skip-agenda-item': { type: 'skip-agenda-item', itemId: 'r14', reason: 'x' },
    'start-agenda-item': { type: 'start-agenda-item', itemId: 'r01' }, 'finish-agenda-item': { type: 'finish-agenda-item' },
    'raise-hand': { type: 'raise-hand' }, 'lower-hand': { type: 'lower-hand' }, 'give-floor': { type: 'give-floor', participantId: 'a' }, 'end-floor': { type: 'end-floor' },
    'create-motion': { type: 'create-motion', motion: { id: 'm', title: 'M', ballot: 'open', threshold: 'majority', tags: ['resolution'] } },
    'open-vote': { type: 'open-vote', motionId: 'm' }, 'cast-ballot': { type: 'cast-ballot', motionId: 'm', choice: 'agree' },
    'record-hand-vote': { type: 'record-hand-vote', motionId: 'm', memberId: 'room-1', choice: 'agree' },
    'record-paper-tally': { type: 'record-paper-tally', motionId: 'm', bridgePointId: 'xa', agree: 0, disagree: 0, other: 0 },
    'approve-paper-tally': { type: 'approve-paper-tally', motionId: 'm', bridgePointId: 'xa' }, 'close-vote': { type: 'close-vote', motionId: 'm' },
    'assign-task': { type: 'assign-task', taskId: 't', description: 'T', assigneeId: 'a', deadline: '2026-12-01' },
    'record-conclusion': { type: 'record-conclusion', text: 'C' }, 'rate-meeting': { type: 'rate-meeting', score: 90 },
    'add-minutes-note': { type: 'add-minutes-note', text: 'N' }, 'read-back-minutes': { type: 'read-back-minutes' }, 'add-minutes-annex': { type: 'add-minutes-annex', text: 'A' },
  };
  for (const [actor, roles] of personas) {
    it(`${roles.join(' + ')} holds exactly those roles`, () => assert.deepEqual([...meetingRoles(base, actor)].sort(), [...roles].sort()));
    for (const type of Object.keys(AUTHORIZATION) as CommandType[]) {
      const allowed = AUTHORIZATION[type].some((r) => roles.includes(r));
      it(`${roles.join(' + ')} × ${type}: ${allowed ? 'authorized' : 'not allowed'}`, () => {
        const decision = decide(base, sample[type], actor, T0);
        const refusedForRole = 'rejection' in decision && decision.rejection.code === 'not-allowed' && decision.rejection.message.startsWith('A ');
        assert.equal(refusedForRole, !allowed, JSON.stringify(decision));
      });
    }
  }
});
