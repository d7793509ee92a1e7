import { decide, depositSealed, evolve, findParticipant, project, type Actor, type ClientCommand, type Command, type MeetingDefinition, type MeetingState } from '../core/index.js';
import { CommandRejectedError, type ClientSnapshot, type MeetingStore } from './store.js';

/** One meeting held in memory, shared by the stores of its participants. */
class LocalMeeting {
  state: MeetingState;
  seq = 1;
  readonly listeners = new Set<() => void>();

  constructor(meeting: MeetingDefinition, now: Date) {
    this.state = evolve(undefined, { type: 'meeting-created', at: now.toISOString(), meeting });
  }

  apply(actor: Actor, command: Command): number {
    let state = this.state;
    const decision = decide(state, command, actor, new Date().toISOString());
    if ('rejection' in decision) throw new CommandRejectedError(decision.rejection);
    for (const event of decision.events) state = evolve(state, event);
    if (decision.sealed) state = depositSealed(state, decision.sealed);
    this.state = state;
    this.seq += decision.events.length;
    for (const listener of this.listeners) listener();
    return this.seq;
  }
}

/**
 * A meeting held in the page's memory and decided by the same core as the
 * server: for previews, documentation and element tests. It records nothing
 * and shares nothing beyond the page; use `MeetingClient` for a real meeting.
 * Like the server, it shows each participant only their role's projection;
 * `as()` gives another participant's store on the same meeting.
 */
export class LocalMeetingStore implements MeetingStore {
  private readonly meeting: LocalMeeting;
  private cached?: { seq: number; snapshot: ClientSnapshot };

  constructor(meeting: MeetingDefinition | LocalMeeting, private readonly actor: Actor, now = new Date()) {
    this.meeting = meeting instanceof LocalMeeting ? meeting : new LocalMeeting(meeting, now);
    this.meeting.apply(actor, { type: 'join' });
  }

  /** Another participant's store on the same meeting (they join it). */
  as(actor: Actor): LocalMeetingStore {
    return new LocalMeetingStore(this.meeting, actor);
  }

  getSnapshot(): ClientSnapshot {
    const { seq, state } = this.meeting;
    if (this.cached?.seq !== seq) {
      const name = findParticipant(state, this.actor.participantId)?.name ?? this.actor.participantId;
      this.cached = { seq, snapshot: { status: 'connected', seq, pending: 0, meeting: project(state, this.actor.role), you: { ...this.actor, name } } };
    }
    return this.cached.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.meeting.listeners.add(listener);
    return () => this.meeting.listeners.delete(listener);
  }

  send(command: ClientCommand): Promise<number> {
    try {
      return Promise.resolve(this.meeting.apply(this.actor, command));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
