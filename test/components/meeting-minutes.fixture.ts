/** One meeting shared by several participants, each with their own store, and the meeting the minutes tests hold. */
import { CommandRejectedError, type ClientSnapshot, type MeetingStore } from '../../src/client/index.js';
import {
  decide,
  depositSealed,
  evolve,
  findParticipant,
  project,
  type Actor,
  type ClientCommand,
  type MeetingDefinition,
  type MeetingState,
  type Role,
} from '../../src/core/index.js';
import { meetingDefinition } from './meeting-fixture.js';

/**
 * A meeting in memory, decided by the real core, that several participants
 * use at once (as clients of one server would): each gets a store showing
 * their role's projection. Time is a fake clock starting 19:30 in Vietnam and
 * moving one minute per recorded command but a join, so the minutes' times are known.
 */
export class SharedMeeting {
  private state: MeetingState;
  private seq = 1;
  private minute = 0;
  private readonly listeners = new Set<() => void>();

  constructor(definition: MeetingDefinition, private readonly start = Date.parse('2026-11-25T12:30:00Z')) {
    this.state = evolve(undefined, { type: 'meeting-created', at: this.now(), meeting: definition });
  }

  /** The current time of the fake clock. */
  now(): string {
    return new Date(this.start + this.minute * 60_000).toISOString();
  }

  /** The whole state (the server's view). */
  get meeting(): MeetingState {
    return this.state;
  }

  /** A store for one participant, who joins the meeting. */
  storeFor(participantId: string, role: Role): MeetingStore {
    const actor: Actor = { participantId, role };
    const name = findParticipant(this.state, participantId)?.name ?? participantId;
    let seen = -1;
    let snapshot: ClientSnapshot | undefined;
    this.apply({ type: 'join' }, actor);
    return {
      getSnapshot: () => {
        if (seen !== this.seq) {
          seen = this.seq;
          snapshot = { status: 'connected', seq: this.seq, pending: 0, meeting: project(this.state, role), you: { ...actor, name } };
        }
        return snapshot!;
      },
      subscribe: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      send: (command: ClientCommand) => {
        try {
          return Promise.resolve(this.apply(command, actor));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    };
  }

  private apply(command: Parameters<typeof decide>[1], actor: Actor): number {
    const decision = decide(this.state, command, actor, this.now());
    if ('rejection' in decision) throw new CommandRejectedError(decision.rejection);
    let state = this.state;
    for (const event of decision.events) state = evolve(state, event);
    if (decision.sealed) state = depositSealed(state, decision.sealed);
    this.state = state;
    this.seq += decision.events.length;
    // Joining takes no time, so that the meeting opens at 19:30 sharp.
    if (command.type !== 'join') this.minute++;
    for (const listener of this.listeners) listener();
    return this.seq;
  }
}

/**
 * The test cell with a fifth member: Đỗ Văn Hải, a full member who will be
 * absent without reason, so that the legal denominator is 3 (four full members
 * less Trần Thị Bình, absent with an accepted reason) and percentages have a
 * decimal.
 */
export const minutesDefinition: MeetingDefinition = {
  ...meetingDefinition,
  cell: { ...meetingDefinition.cell, members: [...meetingDefinition.cell.members, { id: 'hai', name: 'Đỗ Văn Hải', status: 'full' }] },
};

/** The participants of the held meeting, each with their own store. */
export interface HeldMeeting {
  readonly hub: SharedMeeting;
  readonly chair: MeetingStore;
  /** Lê Văn Cường, full member, elected minute-taker. */
  readonly recorder: MeetingStore;
  /** Phạm Thị Dung, probationary member. */
  readonly member: MeetingStore;
  readonly delegate: MeetingStore;
}

/**
 * A meeting held up to the minutes' read-back: opened at 19:30; Lê Văn Cường
 * elected minute-taker; the roll (Bình absent with reason "ốm", Hải absent
 * without reason, the others present online); the month's report (r06) with
 * Cường speaking and a note; the discussion (r11) with Dung and the delegate
 * Em speaking; admission (r14) skipped with a reason; a conclusion, a task and
 * a vote on the resolution (2 of 3 in favour).
 */
export async function heldMeeting(): Promise<HeldMeeting> {
  const hub = new SharedMeeting(minutesDefinition);
  const chair = hub.storeFor('an', 'chair');
  const recorder = hub.storeFor('cuong', 'member');
  const member = hub.storeFor('dung', 'member');
  const delegate = hub.storeFor('em', 'delegate');
  const commands: [MeetingStore, ClientCommand][] = [
    [chair, { type: 'open-meeting' }],
    [chair, { type: 'elect-recorder', memberId: 'cuong' }],
    [chair, { type: 'mark-attendance', memberId: 'an', mark: 'present-online' }],
    [chair, { type: 'mark-attendance', memberId: 'binh', mark: 'absent-with-reason', reason: 'ốm' }],
    [chair, { type: 'mark-attendance', memberId: 'cuong', mark: 'present-online' }],
    [chair, { type: 'mark-attendance', memberId: 'dung', mark: 'present-online' }],
    [chair, { type: 'mark-attendance', memberId: 'hai', mark: 'absent-without-reason' }],
    [chair, { type: 'start-agenda-item', itemId: 'r06' }],
    [chair, { type: 'give-floor', participantId: 'cuong' }],
    [chair, { type: 'end-floor' }],
    [recorder, { type: 'add-minutes-note', agendaItemId: 'r06', text: 'Chi bộ hoàn thành 95 % kế hoạch tháng.' }],
    [chair, { type: 'skip-agenda-item', itemId: 'r14', reason: 'Tháng này không có hồ sơ' }],
    [chair, { type: 'start-agenda-item', itemId: 'r11' }],
    [chair, { type: 'give-floor', participantId: 'dung' }],
    [chair, { type: 'give-floor', participantId: 'em' }],
    [chair, { type: 'end-floor' }],
    [chair, { type: 'finish-agenda-item' }],
    [chair, { type: 'record-conclusion', text: 'Tập trung thu cước tồn đọng trước ngày 15/12.' }],
    [chair, { type: 'assign-task', taskId: 't1', description: 'Hoàn thành báo cáo quý IV', assigneeId: 'cuong', deadline: '2026-12-15' }],
    [chair, { type: 'create-motion', motion: { id: 'nq', title: 'Thông qua nghị quyết tháng 11', ballot: 'open', threshold: 'majority', tags: ['resolution'] } }],
    [chair, { type: 'open-vote', motionId: 'nq' }],
    [chair, { type: 'cast-ballot', motionId: 'nq', choice: 'agree' }],
    [recorder, { type: 'cast-ballot', motionId: 'nq', choice: 'agree' }],
    [chair, { type: 'close-vote', motionId: 'nq' }],
    [chair, { type: 'rate-meeting', score: 90, note: 'Sinh hoạt đúng quy định' }],
  ];
  for (const [store, command] of commands) await store.send(command);
  return { hub, chair, recorder, member, delegate };
}

/** A meeting just opened, with no minute-taker elected yet: the chair, two members and the delegate. */
export async function openedMeeting(): Promise<Omit<HeldMeeting, 'recorder'> & { readonly cuong: MeetingStore }> {
  const hub = new SharedMeeting(minutesDefinition);
  const chair = hub.storeFor('an', 'chair');
  const cuong = hub.storeFor('cuong', 'member');
  const member = hub.storeFor('dung', 'member');
  const delegate = hub.storeFor('em', 'delegate');
  await chair.send({ type: 'open-meeting' });
  return { hub, chair, cuong, member, delegate };
}

/** Adopts the minutes of a held meeting: read back, put to an open vote, carried by the two full members present. */
export async function adoptMinutes({ chair, recorder }: HeldMeeting): Promise<void> {
  await recorder.send({ type: 'read-back-minutes' });
  await chair.send({ type: 'create-motion', motion: { id: 'minutes-1', title: 'Thông qua biên bản', ballot: 'open', threshold: 'majority', tags: ['minutes-adoption'] } });
  await chair.send({ type: 'open-vote', motionId: 'minutes-1' });
  await chair.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
  await recorder.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
  await chair.send({ type: 'close-vote', motionId: 'minutes-1' });
}
