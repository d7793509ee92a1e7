import {
  evolve,
  parseServerMessage,
  type ClientCommand,
  type MediaSignalling,
  type MeetingEvent,
  type MeetingState,
  type ServerMessage,
  type SignalPayload,
} from '../core/index.js';
import { CommandRejectedError, type ClientSnapshot, type MeetingStore } from './store.js';

/** The part of the WebSocket API the client uses (the browser's, or `ws` in Node). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Options of a `MeetingClient`. */
export interface MeetingClientOptions {
  /** The server's WebSocket address, e.g. `wss://portal.example/ws`. */
  readonly url: string;
  /** The join token from the invite link. */
  readonly token: string;
  /** The WebSocket constructor; the browser's by default. */
  readonly WebSocket?: new (url: string) => WebSocketLike;
  /** Interval of application-level pings; a connection silent for two intervals is dropped. */
  readonly heartbeatMs?: number;
  /** First reconnect delay; it doubles up to `maxBackoffMs`, with jitter. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Makes command ids (random UUIDs by default). */
  readonly createId?: () => string;
}

/** Close codes after which a retry with the same token cannot succeed (see server/app.ts). */
const FINAL_CLOSE_CODES = new Set([4001, 4004, 4009]);
/** The meeting moved to another server process: reconnect at once (to the redirect's address, if one came). */
const CLOSE_MOVED = 4010;
const OPEN = 1;

interface PendingCommand {
  readonly id: string;
  readonly command: ClientCommand;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The browser side of the sync protocol: says hello with the invite's token,
 * applies the server's events with the core's `evolve`, sends commands and
 * matches their acks, and on a lost connection reconnects with backoff,
 * resumes from the last sequence number and resends unacknowledged commands
 * with their original ids (the server applies each id once).
 */
export class MeetingClient implements MeetingStore, MediaSignalling {
  private snapshot: ClientSnapshot = { status: 'connecting', seq: 0, pending: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly signalHandlers = new Set<(from: string, payload: SignalPayload) => void>();
  private readonly pending = new Map<string, PendingCommand>();
  private socket?: WebSocketLike;
  private welcomed = false;
  /** The last refusal without a command id on this connection: the reason if a final close follows. */
  private lastRefusal?: CommandRejectedError['rejection'];
  /** Where a `redirect` sent the client; dropped if that address fails, so the client falls back to `url`. */
  private redirectUrl?: string;
  private attempt = 0;
  private lastHeard = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private heartbeatTimer?: ReturnType<typeof setInterval>;
  private readonly options: Required<MeetingClientOptions>;

  constructor(options: MeetingClientOptions) {
    this.options = {
      WebSocket: globalThis.WebSocket as unknown as new (url: string) => WebSocketLike,
      heartbeatMs: 15_000,
      initialBackoffMs: 500,
      maxBackoffMs: 10_000,
      createId: () => crypto.randomUUID(),
      ...options,
    };
    this.connect();
  }

  getSnapshot(): ClientSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(command: ClientCommand): Promise<number> {
    if (this.snapshot.status === 'failed' || this.snapshot.status === 'closed') {
      return Promise.reject(new CommandRejectedError(this.snapshot.failure ?? { code: 'not-joined', message: 'The client is closed.' }));
    }
    return new Promise<number>((resolve, reject) => {
      const entry = { id: this.options.createId(), command, resolve, reject };
      this.pending.set(entry.id, entry);
      this.update({ pending: this.pending.size });
      if (this.welcomed) this.transmit(entry);
    });
  }

  /**
   * Sends a media signal to another participant through the server (the mesh
   * adapter's relay). Signals are not queued: while disconnected they are
   * dropped, and the adapter renegotiates once the connection is back.
   */
  signal(to: string, payload: SignalPayload): void {
    if (this.welcomed && this.socket?.readyState === OPEN) this.socket.send(JSON.stringify({ type: 'signal', to, payload }));
  }

  /** Calls `handler` with each media signal another participant sent here. */
  onSignal(handler: (from: string, payload: SignalPayload) => void): () => void {
    this.signalHandlers.add(handler);
    return () => this.signalHandlers.delete(handler);
  }

  /** Closes the connection for good; queued commands are refused. */
  close(): void {
    this.stop();
    this.failPending({ code: 'not-joined', message: 'The client was closed.' });
    this.update({ status: 'closed', retryAt: undefined });
  }

  private connect(): void {
    this.welcomed = false;
    const socket = new this.options.WebSocket(this.redirectUrl ?? this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      const lastSeq = this.snapshot.meeting ? this.snapshot.seq : undefined;
      socket.send(JSON.stringify({ type: 'hello', token: this.options.token, lastSeq }));
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const parsed = parseServerMessage(event.data);
      if (!parsed.ok) {
        console.warn(`party-meeting: ignored a malformed message from the server (${parsed.error})`);
        return;
      }
      this.lastHeard = Date.now();
      this.handle(parsed.value);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      const wasWelcomed = this.welcomed;
      this.welcomed = false;
      clearInterval(this.heartbeatTimer);
      if (this.snapshot.status === 'closed' || this.snapshot.status === 'failed') return;
      if (FINAL_CLOSE_CODES.has(event.code)) {
        const failure = this.snapshot.failure ?? this.lastRefusal ?? { code: 'invalid-token' as const, message: event.reason || 'The invite was refused.' };
        this.failPending(failure);
        this.update({ status: 'failed', failure, retryAt: undefined });
        return;
      }
      if (event.code === CLOSE_MOVED) {
        this.reconnectNow();
        return;
      }
      // A redirect target that fails before welcoming us is gone (its process died): back to the main address.
      if (!wasWelcomed) this.redirectUrl = undefined;
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome': {
        // The schema checked the snapshot's shape; its content is the server's projection of an evolved state.
        let meeting = (message.snapshot as MeetingState | undefined) ?? this.snapshot.meeting;
        let seq = message.snapshot ? message.seq : this.snapshot.seq;
        for (const stored of message.events ?? []) {
          if (stored.seq <= seq) continue;
          meeting = evolve(meeting, stored.event as MeetingEvent);
          seq = stored.seq;
        }
        this.welcomed = true;
        this.lastRefusal = undefined;
        this.attempt = 0;
        this.update({ status: 'connected', meeting, seq, you: message.you, retryAt: undefined, failure: undefined });
        this.startHeartbeat();
        for (const entry of this.pending.values()) this.transmit(entry);
        break;
      }
      case 'event':
        this.applyEvents([message]);
        break;
      case 'events':
        this.applyEvents(message.events);
        break;
      case 'ack':
        this.settle(message.id, (entry) => entry.resolve(message.seq));
        break;
      case 'reject': {
        const rejection = { code: message.code, message: message.message } as CommandRejectedError['rejection'];
        if (message.id) this.settle(message.id, (entry) => entry.reject(new CommandRejectedError(rejection)));
        else if (!this.welcomed) this.update({ failure: rejection });
        // A refusal of the connection itself (an invite revoked during the meeting), told just before a final close.
        else this.lastRefusal = rejection;
        break;
      }
      case 'pong':
        break;
      case 'signal':
        for (const handler of this.signalHandlers) handler(message.from, message.payload);
        break;
      case 'redirect':
        this.redirectUrl = message.url;
        break;
    }
  }

  /** Applies events strictly in sequence, then tells the listeners once; on a gap, reconnects to resume. */
  private applyEvents(events: ReadonlyArray<{ seq: number; event: unknown }>): void {
    let { meeting, seq } = this.snapshot;
    for (const stored of events) {
      if (stored.seq <= seq) continue;
      if (stored.seq !== seq + 1 || !meeting) {
        // A gap: reconnect, and the welcome resumes from the last event applied.
        this.socket?.close(4000, 'sequence gap');
        break;
      }
      meeting = evolve(meeting, stored.event as MeetingEvent);
      seq = stored.seq;
    }
    if (seq !== this.snapshot.seq) this.update({ meeting, seq });
  }

  private settle(id: string, finish: (entry: PendingCommand) => void): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.update({ pending: this.pending.size });
    finish(entry);
  }

  private transmit(entry: PendingCommand): void {
    if (this.socket?.readyState === OPEN) {
      this.socket.send(JSON.stringify({ type: 'command', id: entry.id, command: entry.command }));
    }
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.lastHeard = Date.now();
    this.heartbeatTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > 2 * this.options.heartbeatMs) {
        this.socket?.close(4000, 'heartbeat timeout');
        return;
      }
      if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify({ type: 'ping' }));
    }, this.options.heartbeatMs);
  }

  /** Reconnects without waiting (a move to another process is not a failure), but never in a tight loop. */
  private reconnectNow(): void {
    this.attempt += 1;
    if (this.attempt > 3) return this.scheduleReconnect();
    this.update({ status: 'reconnecting', retryAt: Date.now() });
    this.retryTimer = setTimeout(() => this.connect(), 0);
  }

  private scheduleReconnect(): void {
    const { initialBackoffMs, maxBackoffMs } = this.options;
    const ceiling = Math.min(maxBackoffMs, initialBackoffMs * 2 ** this.attempt);
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.attempt += 1;
    this.update({ status: 'reconnecting', retryAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private stop(): void {
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'closed by the page');
  }

  private failPending(rejection: CommandRejectedError['rejection']): void {
    for (const entry of this.pending.values()) entry.reject(new CommandRejectedError(rejection));
    this.pending.clear();
    this.update({ pending: 0 });
  }

  private update(change: Partial<ClientSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
