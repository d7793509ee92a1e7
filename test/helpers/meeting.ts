import { decide, evolve, replay, type Actor, type Command, type MeetingDefinition, type MeetingState } from '../../src/core/index.js';

/** A small cell for tests: a chair, two full members, one probationary member, one delegate. */
export const testMeeting: MeetingDefinition = {
  id: 'test-meeting',
  title: 'Sinh hoạt chi bộ tháng 11',
  cell: {
    id: 'test-cell',
    name: 'Chi bộ Thử nghiệm',
    members: [
      { id: 'chair', name: 'Bí thư', status: 'full' },
      { id: 'full-a', name: 'Đảng viên A', status: 'full' },
      { id: 'full-b', name: 'Đảng viên B', status: 'full' },
      { id: 'prob', name: 'Đảng viên dự bị', status: 'probationary' },
    ],
  },
  chairId: 'chair',
  delegates: [{ id: 'delegate', name: 'Đại biểu', organization: 'Đảng ủy Khối' }],
  scheduledAt: '2026-11-23T08:00:00.000Z',
};

/**
 * A hybrid meeting with every kind of participant and flag: the main bridge
 * point online, a room at "Xã" operated by a technician, a guest; members
 * exempt, attached here, attached elsewhere and suspended.
 */
export const hybridMeeting: MeetingDefinition = {
  id: 'hybrid-meeting',
  title: 'Sinh hoạt chi bộ kết hợp',
  mode: 'hybrid',
  cell: {
    id: 'hybrid-cell',
    name: 'Chi bộ Kết hợp',
    members: [
      { id: 'chair', name: 'Bí thư', status: 'full' },
      { id: 'a', name: 'A', status: 'full' },
      { id: 'b', name: 'B', status: 'full' },
      { id: 'c', name: 'C', status: 'full' },
      { id: 'room-1', name: 'Phòng 1', status: 'full' },
      { id: 'room-2', name: 'Phòng 2', status: 'full' },
      { id: 'exempt', name: 'Miễn', status: 'full', flags: { exempt: true } },
      { id: 'here', name: 'Tạm thời đến', status: 'full', flags: { attachedHere: true } },
      { id: 'away', name: 'Tạm thời đi', status: 'full', flags: { attachedElsewhere: true } },
      { id: 'suspended', name: 'Đình chỉ', status: 'full', flags: { suspended: true } },
      { id: 'prob', name: 'Dự bị', status: 'probationary' },
    ],
  },
  chairId: 'chair',
  delegates: [{ id: 'delegate', name: 'Đại biểu', organization: 'Đảng ủy Khối' }],
  guests: [
    { id: 'guest', name: 'Khách', kind: 'guest' },
    { id: 'tech', name: 'Kỹ thuật', kind: 'technician' },
  ],
  bridgePoints: [
    { id: 'main', name: 'Điểm cầu chính', main: true },
    { id: 'xa', name: 'Điểm cầu xã', operatorId: 'tech' },
  ],
  seating: { 'room-1': 'xa', 'room-2': 'xa', tech: 'xa' },
  scheduledAt: '2026-11-23T08:00:00.000Z',
};

export const T0 = '2026-11-23T08:00:00.000Z';

/** Actors by the role their token gives. */
export const as = {
  chair: { participantId: 'chair', role: 'chair' } as Actor,
  member: (id: string): Actor => ({ participantId: id, role: 'member' }),
  delegate: { participantId: 'delegate', role: 'delegate' } as Actor,
  guest: { participantId: 'guest', role: 'guest' } as Actor,
  tech: { participantId: 'tech', role: 'technician' } as Actor,
};

/** A meeting's state just created. */
export const created = (meeting: MeetingDefinition): MeetingState => replay([{ type: 'meeting-created', at: T0, meeting }]);

/** Applies commands that must be accepted; throws with the rejection otherwise. */
export function run(state: MeetingState, ...steps: Array<[Actor, Command]>): MeetingState {
  for (const [actor, command] of steps) {
    const decision = decide(state, command, actor, T0);
    if ('rejection' in decision) throw new Error(`${command.type} by ${actor.participantId} refused: ${decision.rejection.message}`);
    for (const event of decision.events) state = evolve(state, event);
    if (decision.sealed) state = depositSealedForTests(state, decision.sealed);
  }
  return state;
}

import { depositSealed } from '../../src/core/index.js';
const depositSealedForTests = depositSealed;
