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
  type Decision,
  type MeetingEvent,
  type MeetingState,
  type Rejection,
  type SealedBallot,
  type ServerCommand,
  type TokenRole,
} from '../src/core/index.js';
import type { AppendEntry, EventStore, StoredEvent } from './event-store.js';

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

/** A command waiting for the next group commit. */
interface Waiting {
  readonly decide: (state: MeetingState) => Decision;
  readonly commandKey?: string;
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One meeting held in memory by the server: its state rebuilt from the log,
 * its live sessions, and a queue that decides its commands one at a time so
 * that every decision sees the state the previous one left.
 *
 * Group commit: commands that arrive while the previous write is under way
 * (a vote storm: hundreds of ballots at once) are decided one after the other
 * and written in ONE transaction, then sent to each kind of viewer as ONE
 * `events` frame, instead of a durable write and a frame per recipient per
 * ballot. A lone command is written and sent as before.
 */
export class MeetingHost {
  private readonly sessions = new Set<Session>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly observers: EventObserver[] = [];
  private waiting: Waiting[] = [];
  private flushScheduled = false;

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
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ decide: (state) => decide(state, command, actor, now), commandKey, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // After the current I/O turn, so that every message already received joins this batch.
      setImmediate(() => {
        this.flushScheduled = false;
        void this.serialize(() => this.flush());
      });
    });
  }

  /** Decides every waiting command in order and records all of their events in one append. */
  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    let state = this.current;
    const entries: AppendEntry[] = [];
    // For each waiting command: its outcome now, or the index of its entry in the append.
    const fates: Array<{ outcome: Outcome } | { entry: number } | { error: unknown }> = [];
    const keyed = new Map<string, number>();
    for (const waiting of batch) {
      try {
        const { commandKey } = waiting;
        if (commandKey) {
          // A resend of a command in this same batch, or of one recorded before: acknowledged again, applied once.
          const inBatch = keyed.get(commandKey);
          if (inBatch !== undefined) {
            fates.push({ entry: inBatch });
            continue;
          }
          const seq = await this.store.seqOfCommand(this.id, commandKey);
          if (seq !== undefined) {
            fates.push({ outcome: { seq } });
            continue;
          }
        }
        const decision = waiting.decide(state);
        if ('rejection' in decision) {
          fates.push({ outcome: decision });
          continue;
        }
        if (decision.sealed) state = depositSealed(state, decision.sealed);
        for (const event of decision.events) state = evolve(state, event);
        entries.push({ events: decision.events, commandKey, sealed: decision.sealed });
        if (commandKey) keyed.set(commandKey, entries.length - 1);
        fates.push({ entry: entries.length - 1 });
      } catch (error) {
        fates.push({ error });
      }
    }
    let seqs: number[] = [];
    if (entries.length > 0) {
      try {
        seqs = await this.apply(entries);
      } catch (error) {
        // Nothing of the batch was written (one transaction): every command in it fails, and is resent by its client.
        batch.forEach((waiting, i) => ('entry' in fates[i]! ? waiting.reject(error) : undefined));
        entries.length = 0;
      }
    }
    batch.forEach((waiting, i) => {
      const fate = fates[i]!;
      if ('error' in fate) waiting.reject(fate.error);
      else if ('outcome' in fate) waiting.resolve(fate.outcome);
      else if (entries.length > 0) waiting.resolve({ seq: seqs[fate.entry]! });
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
    const [seq] = await this.apply([{ events, commandKey, sealed }]);
    return seq!;
  }

  /**
   * Writes the entries in one append, then applies their events to the state
   * and sends them; resolves with the last sequence number of each entry.
   */
  private async apply(entries: readonly AppendEntry[]): Promise<number[]> {
    const stored = await this.store.appendBatch(this.id, entries);
    const sent: Array<{ seq: number; event: MeetingEvent; before: MeetingState }> = [];
    const lastSeqs = entries.map((entry, i) => {
      if (entry.sealed) this.current = depositSealed(this.current, entry.sealed);
      for (const { seq, event } of stored[i]!) {
        const before = this.current;
        this.current = evolve(before, event);
        this.lastSeq = seq;
        sent.push({ seq, event, before });
        for (const observer of this.observers) {
          try {
            observer(this.id, event, this.current);
          } catch {
            // An observer's failure never touches the meeting.
          }
        }
      }
      return this.lastSeq;
    });
    this.broadcast(sent, entries.length > 1);
    return lastSeqs;
  }

  /**
   * Projects and serializes events once per role, then sends the same bytes to
   * every session of that role: one `event` frame each, or, for a group
   * commit of several commands, one `events` frame with all of them.
   */
  private broadcast(sent: ReadonlyArray<{ seq: number; event: MeetingEvent; before: MeetingState }>, together: boolean): void {
    const frames = new Map<TokenRole, string[]>();
    const framesFor = (role: TokenRole): string[] => {
      const projected = sent.map(({ seq, event, before }) => ({ seq, event: projectEvent(event, role, before) }));
      return together ? [JSON.stringify({ type: 'events', events: projected })] : projected.map((e) => JSON.stringify({ type: 'event', ...e }));
    };
    for (const session of this.sessions) {
      const role = session.actor.role;
      let data = frames.get(role);
      if (data === undefined) {
        data = framesFor(role);
        frames.set(role, data);
      }
      for (const frame of data) session.send(frame);
    }
  }
}
