import type { MeetingEvent } from '../src/core/index.js';

/** One event of a meeting's log with its sequence number (1, 2, 3, … without gaps). */
export interface StoredEvent {
  readonly seq: number;
  readonly event: MeetingEvent;
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
   */
  append(meetingId: string, events: readonly MeetingEvent[], commandKey?: string): Promise<StoredEvent[]>;
  /** The events with a sequence number above `afterSeq`, in order. */
  read(meetingId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** The last sequence number a command with this key produced, if it was recorded. */
  seqOfCommand(meetingId: string, commandKey: string): Promise<number | undefined>;
  /** Every meeting that has a log. */
  meetingIds(): Promise<string[]>;
  close(): Promise<void>;
}
