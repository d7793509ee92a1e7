import {
  decide,
  decideServerCommand,
  depositSealed,
  evolve,
  projectEvent,
  replay,
  withBallotBox,
  type Actor,
  type Command,
  type MeetingEvent,
  type MeetingState,
  type Rejection,
  type SealedBallot,
  type ServerCommand,
  type TokenRole,
} from '../src/core/index.js';
import type { EventStore, StoredEvent } from './event-store.js';

/** One live connection of a participant to this meeting. */
export interface Session {
  readonly actor: Actor;
  /** Sends one already-serialized message. */
  send(data: string): void;
}

/** Told of each event once it is recorded and applied: the meeting's id, the event and the state after it. */
export type EventObserver = (meetingId: string, event: MeetingEvent, state: MeetingState) => void;

/** The result of running a command: the sequence number it reached, or why it was refused. */
export type Outcome = { readonly seq: number } | { readonly rejection: Rejection };

/**
 * One meeting held in memory by the server: its state rebuilt from the log,
 * its live sessions, and a queue that runs its commands one at a time so that
 * every decision sees the state the previous one left.
 */
export class MeetingHost {
  private readonly sessions = new Set<Session>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly observers: EventObserver[] = [];

  private constructor(
    private readonly store: EventStore,
    readonly id: string,
    private current: MeetingState,
    private lastSeq: number,
  ) {}

  /** Rebuilds a meeting from its log. Presence from before a restart is closed, since no one is connected now. */
  static async load(store: EventStore, id: string, now: () => string): Promise<MeetingHost> {
    const log = await store.read(id);
    const state = withBallotBox(replay(log.map((e) => e.event)), await store.ballotBox(id));
    const host = new MeetingHost(store, id, state, log.at(-1)?.seq ?? 0);
    const stale = Object.keys(host.current.connected).map(
      (participantId): MeetingEvent => ({ type: 'participant-left', at: now(), participantId }),
    );
    if (stale.length > 0) await host.record(stale);
    return host;
  }

  /** Creates a meeting's log with its first event. */
  static async create(store: EventStore, created: Extract<MeetingEvent, { type: 'meeting-created' }>): Promise<MeetingHost> {
    const [first] = await store.append(created.meeting.id, [created]);
    return new MeetingHost(store, created.meeting.id, evolve(undefined, created), first.seq);
  }

  get state(): MeetingState {
    return this.current;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Runs `task` after every task queued before it. */
  serialize<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Decides and records `command` from `actor`. With a `commandKey`, a command
   * that was already recorded (a resend after a reconnect) is acknowledged
   * again without being applied twice.
   */
  run(actor: Actor, command: Command, now: string, commandKey?: string): Promise<Outcome> {
    return this.serialize(async () => {
      if (commandKey) {
        const seq = await this.store.seqOfCommand(this.id, commandKey);
        if (seq !== undefined) return { seq };
      }
      const decision = decide(this.current, command, actor, now);
      if ('rejection' in decision) return decision;
      return { seq: await this.record(decision.events, commandKey, decision.sealed) };
    });
  }

  /**
   * Decides and records a command the server gives for the portal (the REST
   * API), on behalf of `by`, in the meeting's queue like any other command.
   */
  runServer(command: ServerCommand, by: string, now: string): Promise<Outcome> {
    return this.serialize(async () => {
      const decision = decideServerCommand(this.current, command, by, now);
      if ('rejection' in decision) return decision;
      return { seq: await this.record(decision.events) };
    });
  }

  /** Calls `observer` after each event recorded from now on (the server's report writer). An observer that throws is ignored. */
  observe(observer: EventObserver): void {
    this.observers.push(observer);
  }

  /** Adds a session; the caller serializes this with the welcome it sends. */
  attach(session: Session): void {
    this.sessions.add(session);
  }

  /** Removes a session and tells whether its participant still has another one. */
  detach(session: Session): boolean {
    this.sessions.delete(session);
    return [...this.sessions].some((s) => s.actor.participantId === session.actor.participantId);
  }

  /** Sends `data` to every live session of one participant; false when they have none. */
  sendTo(participantId: string, data: string): boolean {
    let sent = false;
    for (const session of this.sessions) {
      if (session.actor.participantId === participantId) {
        session.send(data);
        sent = true;
      }
    }
    return sent;
  }

  /** Whether the participant has a live session already. */
  hasSession(participantId: string): boolean {
    return this.sessionCount(participantId) > 0;
  }

  /** How many live sessions the participant has (tabs, devices). */
  sessionCount(participantId: string): number {
    let count = 0;
    for (const session of this.sessions) if (session.actor.participantId === participantId) count += 1;
    return count;
  }

  /** The events after `afterSeq`, as a viewer of `role` may see them. */
  async eventsAfter(afterSeq: number, role: TokenRole): Promise<StoredEvent[]> {
    const log = await this.store.read(this.id, afterSeq);
    return log.map(({ seq, event }) => ({ seq, event: projectEvent(event, role) }));
  }

  private async record(events: readonly MeetingEvent[], commandKey?: string, sealed?: SealedBallot): Promise<number> {
    const stored = await this.store.append(this.id, events, commandKey, sealed);
    if (sealed) this.current = depositSealed(this.current, sealed);
    for (const { seq, event } of stored) {
      const before = this.current;
      this.current = evolve(before, event);
      this.lastSeq = seq;
      this.broadcast(seq, event, before);
      for (const observer of this.observers) {
        try {
          observer(this.id, event, this.current);
        } catch {
          // An observer's failure never touches the meeting.
        }
      }
    }
    return this.lastSeq;
  }

  /** Projects and serializes an event once per role, then sends the same bytes to every session of that role. */
  private broadcast(seq: number, event: MeetingEvent, before: MeetingState): void {
    const bytes = new Map<TokenRole, string>();
    for (const session of this.sessions) {
      const role = session.actor.role;
      let data = bytes.get(role);
      if (data === undefined) {
        data = JSON.stringify({ type: 'event', seq, event: projectEvent(event, role, before) });
        bytes.set(role, data);
      }
      session.send(data);
    }
  }
}
