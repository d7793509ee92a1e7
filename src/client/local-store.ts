import { decide, depositSealed, evolve, findParticipant, project, type Actor, type ClientCommand, type MeetingDefinition, type MeetingState } from '../core/index.js';
import { CommandRejectedError, type ClientSnapshot, type MeetingStore } from './store.js';

/**
 * A meeting held in the page's memory and decided by the same core as the
 * server: for previews, documentation and element tests. It records nothing
 * and shares nothing; use `MeetingClient` for a real meeting. Like the
 * server, it shows the actor only their role's projection of the state.
 */
export class LocalMeetingStore implements MeetingStore {
  private snapshot: ClientSnapshot;
  /** The whole state, secret totals included; the snapshot holds its projection. */
  private state: MeetingState;
  private readonly listeners = new Set<() => void>();

  constructor(meeting: MeetingDefinition, private readonly actor: Actor, now = new Date()) {
    const name = findParticipant(meeting, actor.participantId)?.name ?? actor.participantId;
    this.state = evolve(undefined, { type: 'meeting-created', at: now.toISOString(), meeting });
    this.snapshot = { status: 'connected', seq: 1, pending: 0, meeting: project(this.state, actor.role), you: { ...actor, name } };
    this.apply({ type: 'join' });
  }

  getSnapshot(): ClientSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(command: ClientCommand): Promise<number> {
    try {
      return Promise.resolve(this.apply(command));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private apply(command: Parameters<typeof decide>[1]): number {
    let state = this.state;
    const decision = decide(state, command, this.actor, new Date().toISOString());
    if ('rejection' in decision) throw new CommandRejectedError(decision.rejection);
    for (const event of decision.events) state = evolve(state, event);
    if (decision.sealed) state = depositSealed(state, decision.sealed);
    this.state = state;
    this.snapshot = { ...this.snapshot, meeting: project(state, this.actor.role), seq: this.snapshot.seq + decision.events.length };
    for (const listener of this.listeners) listener();
    return this.snapshot.seq;
  }
}
