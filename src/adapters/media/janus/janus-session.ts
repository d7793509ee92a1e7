import { JanusError, JanusSocket, JANUS_NO_SUCH_SESSION, openJanusSocket, pluginReply, type JanusMessage, type PluginReply } from './janus-api.js';

/** What happens to a session's link to Janus. */
export type SessionState = 'open' | 'reconnecting' | 'lost' | 'closed';

/** Timings of a session (all in ms). */
export interface SessionTimings {
  /** Janus destroys a session that sent nothing for `session_timeout` (60 s by default): a keepalive goes well before. */
  readonly keepaliveMs: number;
  /** How long to wait for the WebSocket to open. */
  readonly openTimeoutMs: number;
  /** First and longest wait between reconnection attempts. */
  readonly retryMs: number;
  readonly retryMaxMs: number;
  /** After this long without a claimed session, it is given up as lost (Janus's reclaim_session_timeout, 20 s in docs/media-janus.md). */
  readonly reclaimMs: number;
}

/** The session's defaults: keepalive every 25 s (Janus's example clients use 25 s against the 60 s timeout). */
export const SESSION_TIMINGS: SessionTimings = { keepaliveMs: 25_000, openTimeoutMs: 4_000, retryMs: 250, retryMaxMs: 4_000, reclaimMs: 18_000 };

/** Events of one plugin handle, as Janus pushes them (no transaction of ours). */
export type HandleListener = (message: JanusMessage) => void;

/** One handle attached to a plugin in a session. */
export class JanusHandle {
  private listener?: HandleListener;

  constructor(
    private readonly session: JanusSession,
    readonly id: number,
  ) {}

  /** Receives the handle's own events (plugin events, `trickle`, `webrtcup`, `media`, `hangup`, `slowlink`). */
  listen(listener: HandleListener): void {
    this.listener = listener;
  }

  /** @internal */
  deliver(message: JanusMessage): void {
    this.listener?.(message);
  }

  /** A request to the plugin (with an SDP when negotiating); resolves with its answer, rejects with the plugin's error. */
  async message(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<PluginReply> {
    const reply = await this.session.request({ janus: 'message', handle_id: this.id, body, ...(jsep ? { jsep: { type: jsep.type, sdp: jsep.sdp } } : {}) });
    return pluginReply(reply);
  }

  /** Trickles one local candidate, or the end of gathering (`null`). */
  trickle(candidate: RTCIceCandidate | null): void {
    const value = candidate ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex } : { completed: true };
    // Fire and forget: a candidate lost with the socket is recovered by an ICE restart.
    this.session.request({ janus: 'trickle', handle_id: this.id, candidate: value }, true).catch(() => {});
  }

  /** Detaches from the plugin (Janus hangs up its PeerConnection). */
  async detach(): Promise<void> {
    this.session.forget(this.id);
    await this.session.request({ janus: 'detach', handle_id: this.id }).catch(() => {});
  }
}

/**
 * A Janus session over one WebSocket: keepalives, plugin handles, and
 * recovery of the WebSocket. When the socket drops, the session opens a new
 * one and `claim`s itself (Janus keeps it for `reclaim_session_timeout` after
 * its transport is gone), so its handles and PeerConnections stay; media
 * flows on meanwhile, since it does not go through the socket. When the claim
 * is refused or takes too long, the session is `lost` and its owner joins again.
 */
export class JanusSession {
  private socket?: JanusSocket;
  private readonly handles = new Map<number, JanusHandle>();
  private keepalive?: ReturnType<typeof setInterval>;
  private retry?: ReturnType<typeof setTimeout>;
  private stateNow: SessionState = 'open';
  private readonly listeners = new Set<(state: SessionState) => void>();

  private constructor(
    private readonly url: string,
    readonly id: number,
    private readonly timings: SessionTimings,
  ) {}

  /** Opens a socket and creates a session; rejects when Janus cannot be reached. */
  static async create(url: string, timings: SessionTimings = SESSION_TIMINGS): Promise<JanusSession> {
    const ws = await openJanusSocket(url, timings.openTimeoutMs);
    // The socket exists before the session it serves: events find the session through this box.
    const box: { session?: JanusSession } = {};
    const socket = new JanusSocket(
      ws,
      (m) => box.session?.route(m),
      () => box.session?.dropped(),
    );
    let reply: JanusMessage;
    try {
      reply = await socket.request({ janus: 'create' });
    } catch (error) {
      socket.close();
      throw error;
    }
    const session = new JanusSession(url, Number(reply.data?.id), timings);
    box.session = session;
    session.socket = socket;
    session.startKeepalive();
    return session;
  }

  get state(): SessionState {
    return this.stateNow;
  }

  /** Calls `listener` when the state changes; returns the unsubscribe function. */
  onState(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Attaches a handle to `plugin` (janus.plugin.videoroom). */
  async attach(plugin: string): Promise<JanusHandle> {
    const reply = await this.request({ janus: 'attach', plugin });
    const handle = new JanusHandle(this, Number(reply.data?.id));
    this.handles.set(handle.id, handle);
    return handle;
  }

  /** @internal A request within this session. */
  request(body: Record<string, unknown>, ack = false): Promise<JanusMessage> {
    if (!this.socket?.open) return Promise.reject(new JanusError(0, `the session is ${this.stateNow}`));
    return this.socket.request({ ...body, session_id: this.id }, ack);
  }

  /** @internal */
  forget(handleId: number): void {
    this.handles.delete(handleId);
  }

  /** Destroys the session in Janus (its handles and PeerConnections with it) and closes the socket. */
  async destroy(): Promise<void> {
    if (this.stateNow === 'closed') return;
    const socket = this.socket;
    this.setState('closed');
    this.stopTimers();
    await socket?.request({ janus: 'destroy', session_id: this.id }).catch(() => {});
    socket?.close();
    this.handles.clear();
  }

  /**
   * The page is going away: asks Janus to destroy the session at once (so the
   * others see this member leave now, not after `reclaim_session_timeout`),
   * without waiting for the answer, and closes the socket.
   */
  abandon(): void {
    if (this.stateNow === 'closed') return;
    const socket = this.socket;
    this.setState('closed');
    this.stopTimers();
    socket?.request({ janus: 'destroy', session_id: this.id }).catch(() => {});
    socket?.close();
    this.handles.clear();
  }

  private route(message: JanusMessage): void {
    if (message.janus === 'timeout' || (message.janus === 'detached' && message.sender === undefined)) {
      this.lost();
      return;
    }
    if (message.sender !== undefined) this.handles.get(message.sender)?.deliver(message);
  }

  private startKeepalive(): void {
    this.keepalive = setInterval(() => {
      this.request({ janus: 'keepalive' }, true).catch(() => {});
    }, this.timings.keepaliveMs);
  }

  private stopTimers(): void {
    clearInterval(this.keepalive);
    clearTimeout(this.retry);
  }

  /** The socket closed under us: reconnect and claim. */
  private dropped(): void {
    if (this.stateNow !== 'open') return;
    this.socket = undefined;
    this.setState('reconnecting');
    const givingUpAt = Date.now() + this.timings.reclaimMs;
    let wait = this.timings.retryMs;
    const attempt = async () => {
      if (this.stateNow !== 'reconnecting') return;
      try {
        const ws = await openJanusSocket(this.url, this.timings.openTimeoutMs);
        if (this.stateNow !== 'reconnecting') {
          ws.close();
          return;
        }
        const socket = new JanusSocket(
          ws,
          (m) => this.route(m),
          () => this.dropped(),
        );
        try {
          await socket.request({ janus: 'claim', session_id: this.id });
        } catch (error) {
          socket.close();
          if (error instanceof JanusError && error.code === JANUS_NO_SUCH_SESSION) return this.lost();
          throw error;
        }
        this.socket = socket;
        this.setState('open');
      } catch {
        if (Date.now() >= givingUpAt) return this.lost();
        this.retry = setTimeout(() => void attempt(), wait);
        wait = Math.min(wait * 2, this.timings.retryMaxMs);
      }
    };
    this.retry = setTimeout(() => void attempt(), wait);
  }

  private lost(): void {
    if (this.stateNow === 'closed' || this.stateNow === 'lost') return;
    this.stopTimers();
    this.socket?.close();
    this.socket = undefined;
    this.handles.clear();
    this.setState('lost');
  }

  private setState(state: SessionState): void {
    this.stateNow = state;
    for (const listener of this.listeners) listener(state);
  }
}
