import type { ClientCommand, MeetingState, Rejection, Role } from '../core/index.js';

/** Where the connection to the meeting server stands. */
export type ConnectionStatus =
  /** Opening the first connection. */
  | 'connecting'
  /** Welcomed by the server: state is live. */
  | 'connected'
  /** Lost the connection; the next attempt is at `retryAt`. Commands wait in a queue. */
  | 'reconnecting'
  /** The server refused the invite (expired, invalid, unknown meeting): no retry. */
  | 'failed'
  /** Closed by the page. */
  | 'closed';

/** The participant this client speaks for, as the server derived it from the token. */
export interface Self {
  readonly participantId: string;
  readonly role: Role;
  readonly name: string;
}

/** Everything an element may render, as one immutable value. */
export interface ClientSnapshot {
  readonly status: ConnectionStatus;
  readonly meeting?: MeetingState;
  readonly you?: Self;
  /** The last event applied. */
  readonly seq: number;
  /** Commands sent or queued but not yet acknowledged. */
  readonly pending: number;
  /** When `reconnecting`: epoch milliseconds of the next attempt. */
  readonly retryAt?: number;
  /** When `failed`: why. */
  readonly failure?: Rejection;
}

/** A command the server refused, with its stable code. */
export class CommandRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
    this.name = 'CommandRejectedError';
  }
}

/**
 * What elements need from a meeting: a snapshot, change notifications and a
 * way to send commands. `MeetingClient` implements it over the server;
 * `LocalMeetingStore` in memory.
 */
export interface MeetingStore {
  getSnapshot(): ClientSnapshot;
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Sends a command; resolves with the sequence number it reached, rejects with `CommandRejectedError`. */
  send(command: ClientCommand): Promise<number>;
}
