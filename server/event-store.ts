import type { MeetingEvent, SealedBallot, Tally } from '../src/core/index.js';

/** One event of a meeting's log with its sequence number (1, 2, 3, … without gaps). */
export interface StoredEvent {
  readonly seq: number;
  readonly event: MeetingEvent;
}

/** One command's part of a batch append. */
export interface AppendEntry {
  readonly events: readonly MeetingEvent[];
  readonly commandKey?: string;
  readonly sealed?: SealedBallot;
}

/**
 * A meeting's append-only event log. SQLite is the embedded default;
 * PostgreSQL implements the same interface for scale.
 */
export interface EventStore {
  /**
   * Appends `events` atomically after the meeting's last event and resolves
   * only once they are durable. `commandKey` (the sender and the command's id)
   * is recorded so that a command resent after a reconnect is applied once.
   * A `sealed` secret ballot's choice is added, in the same transaction, to the
   * meeting's ballot box: a count per motion and choice, so that nothing in
   * the store links a voter to a choice.
   */
  append(meetingId: string, events: readonly MeetingEvent[], commandKey?: string, sealed?: SealedBallot): Promise<StoredEvent[]>;
  /**
   * Appends the events of several commands in ONE transaction (group commit:
   * one durable write for every command that arrived while the last one was
   * being written), each with its own command key and sealed ballot; resolves
   * with the stored events of each entry, in order.
   */
  appendBatch(meetingId: string, entries: readonly AppendEntry[]): Promise<StoredEvent[][]>;
  /** The sealed totals of each motion's secret ballots. */
  ballotBox(meetingId: string): Promise<Record<string, Tally>>;
  /** The events with a sequence number above `afterSeq`, in order. */
  read(meetingId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** The last sequence number a command with this key produced, if it was recorded. */
  seqOfCommand(meetingId: string, commandKey: string): Promise<number | undefined>;
  /** Every meeting that has a log. */
  meetingIds(): Promise<string[]>;
  close(): Promise<void>;
}
