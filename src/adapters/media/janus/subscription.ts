import { JanusError, type PluginData } from './janus-api.js';
import type { JanusHandle } from './janus-session.js';
import { brokenState, type LinkBroken } from './recovery.js';

/** One stream of a publisher to receive: the publisher's feed id and the stream's mid there. */
export interface WantedStream {
  readonly feed: number;
  readonly mid: string;
}

/** A stream of this subscription, as Janus describes it in `attached` and `updated`. */
export interface SubscribedStream {
  /** The mid in this subscription's PeerConnection. */
  readonly mid: string;
  readonly type: string;
  readonly feedId: number;
  readonly feedMid: string;
  readonly active: boolean;
}

/** What a subscription needs from the adapter. */
export interface SubscriptionHost {
  readonly iceServers: readonly RTCIceServer[];
  /** Tracks or connection state changed. */
  changed(): void;
  /** Janus hung up this subscription's PeerConnection. */
  hungUp(subscription: Subscription): void;
  /** A request failed (for diagnostics; the subscription retries by itself). */
  failed(error: unknown): void;
}

const key = (feed: number, mid: string) => `${feed}/${mid}`;
/** How long an update may wait for Janus's `updated` before the subscription asks again. */
const UPDATE_TIMEOUT_MS = 5_000;
/** Wait before retrying after a refused request (a feed gone meanwhile). */
const RETRY_MS = 300;

/**
 * Everything this member receives, on ONE subscriber handle and ONE
 * recvonly PeerConnection with a stream per remote audio and video (Janus
 * 1.x multistream), rather than a handle per publisher. Why: one ICE and DTLS
 * handshake instead of one per participant (a join to a room of 6 waits for
 * one, not five), one UDP port and one Janus thread per member instead of one
 * per pair (a province-wide meeting of 50 would otherwise open 2,450
 * PeerConnections on the server), and one ICE restart recovers everything.
 * The cost is that changes are renegotiations of that one connection, which
 * Janus offers and this class answers one at a time.
 *
 * The adapter says what it wants (`want`); the subscription compares it with
 * what Janus says it has and sends `join` (first time) or `update`
 * (subscribe/unsubscribe) to close the gap, then answers Janus's offer with
 * `start`. Janus also sends offers on its own (a publisher left): each is
 * answered in turn.
 */
export class Subscription {
  pc?: RTCPeerConnection;
  private readonly streams = new Map<string, SubscribedStream>();
  private wanted = new Map<string, WantedStream>();
  private joined = false;
  private busy = false;
  private busyTimer?: ReturnType<typeof setTimeout>;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private negotiating: Promise<void> = Promise.resolve();
  private closed = false;
  private disconnectedAt?: number;
  /** Janus refused the first `join`: the handle may be half joined, so the adapter starts over on a new one. */
  private joinRefused = false;
  /** Janus refused an answer (or the browser an offer): the connection is out of step, so it is built anew. */
  private answerRefused = false;

  constructor(
    readonly handle: JanusHandle,
    private readonly room: number,
    private readonly privateId: number | undefined,
    private readonly host: SubscriptionHost,
  ) {
    handle.listen((message) => {
      if (message.janus === 'trickle') this.remoteCandidate(message.candidate);
      else if (message.janus === 'hangup') this.host.hungUp(this);
      else if (message.janus === 'event' && message.plugindata) this.handleEvent(message.plugindata.data, message.jsep);
    });
  }

  /** The streams to receive now; the subscription converges to them. */
  want(streams: readonly WantedStream[]): void {
    this.wanted = new Map(streams.map((s) => [key(s.feed, s.mid), s]));
    this.reconcile();
  }

  /** The track this subscription receives for a publisher's stream of `type` (the first such), if any. */
  track(feedId: number, type: 'audio' | 'video'): MediaStreamTrack | undefined {
    const stream = [...this.streams.values()].find((s) => s.active && s.feedId === feedId && s.type === type);
    return stream ? this.receiver(stream.mid)?.track : undefined;
  }

  /** The mid in this subscription of a publisher's stream of `type`, if received. */
  midOf(feedId: number, type: 'audio' | 'video'): string | undefined {
    return [...this.streams.values()].find((s) => s.active && s.feedId === feedId && s.type === type)?.mid;
  }

  /** The receiver of a publisher's stream of `type`, for levels and stats. */
  receiverOf(feedId: number, type: 'audio' | 'video'): RTCRtpReceiver | undefined {
    const stream = [...this.streams.values()].find((s) => s.active && s.feedId === feedId && s.type === type);
    return stream ? this.receiver(stream.mid) : undefined;
  }

  /**
   * Asks Janus for an offer with fresh ICE credentials (a subscriber cannot
   * offer itself), unless a renegotiation is under way: then the adapter's
   * next check builds the subscription anew instead.
   */
  async restartIce(): Promise<void> {
    if (!this.joined || this.busy) return;
    this.setBusy(true);
    try {
      const { jsep } = await this.handle.message({ request: 'configure', restart: true });
      if (jsep) await this.acceptOffer(jsep);
    } finally {
      this.setBusy(false);
    }
  }

  get connected(): boolean {
    return this.pc?.connectionState === 'connected';
  }

  /** The PeerConnection failed (or has been disconnected too long), or was closed under the adapter, or the join was refused. */
  get broken(): LinkBroken {
    if (this.closed) return undefined;
    if (this.joinRefused || this.answerRefused) return 'closed';
    return brokenState(this.pc, this.disconnectedAt);
  }

  /** Closes the PeerConnection and detaches the handle (Janus tears the subscription down). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.busyTimer);
    this.pc?.close();
    await this.handle.detach();
  }

  describe(): Record<string, unknown> {
    return {
      joined: this.joined,
      busy: this.busy,
      streams: [...this.streams.values()].filter((s) => s.active).map((s) => `${s.mid}:${s.type}<-${s.feedId}/${s.feedMid}`),
      wanted: [...this.wanted.keys()],
      signaling: this.pc?.signalingState,
      connection: this.pc?.connectionState,
    };
  }

  private receiver(mid: string): RTCRtpReceiver | undefined {
    return this.pc?.getTransceivers().find((t) => t.mid === mid)?.receiver;
  }

  /** Sends what closes the gap between the wanted streams and Janus's, one request at a time. */
  private reconcile(): void {
    if (this.closed) return;
    // Busy: the answer to the request in flight reconciles again.
    if (this.busy) return;
    const have = new Map([...this.streams.values()].filter((s) => s.active && s.type !== 'data').map((s) => [key(s.feedId, s.feedMid), s]));
    const subscribe = [...this.wanted.entries()].filter(([k]) => !have.has(k)).map(([, s]) => s);
    const unsubscribe = [...have.entries()].filter(([k]) => !this.wanted.has(k)).map(([, s]) => ({ sub_mid: s.mid }));
    if (!this.joined && subscribe.length === 0) return;
    if (this.joined && subscribe.length === 0 && unsubscribe.length === 0) return;
    const body = this.joined
      ? { request: 'update', ...(subscribe.length ? { subscribe } : {}), ...(unsubscribe.length ? { unsubscribe } : {}) }
      : { request: 'join', ptype: 'subscriber', room: this.room, ...(this.privateId ? { private_id: this.privateId } : {}), streams: subscribe };
    this.setBusy(true);
    this.handle
      .message(body)
      .then(async ({ data, jsep }) => {
        if (body.request === 'join') this.joined = true;
        // `updating`: Janus postponed it behind a renegotiation in progress; its `updated` comes as an event.
        if (data.videoroom === 'updating') return;
        this.readStreams(data);
        if (jsep) await this.acceptOffer(jsep);
        this.setBusy(false);
      })
      .catch((error: unknown) => {
        this.host.failed(error);
        if (error instanceof JanusError && error.code === 0) return;
        if (body.request === 'join') {
          this.joinRefused = true;
          this.host.changed();
          return;
        }
        // A feed that left between the want and the request: Janus refuses the lot; ask again with what is left.
        setTimeout(() => this.setBusy(false), RETRY_MS);
      });
  }

  private setBusy(busy: boolean): void {
    clearTimeout(this.busyTimer);
    this.busy = busy;
    if (busy) this.busyTimer = setTimeout(() => this.setBusy(false), UPDATE_TIMEOUT_MS);
    else this.reconcile();
  }

  private handleEvent(data: PluginData, jsep: RTCSessionDescriptionInit | undefined): void {
    this.readStreams(data);
    const done = data.videoroom === 'updated' || data.videoroom === 'attached';
    const accept = jsep?.type === 'offer' ? this.acceptOffer(jsep) : Promise.resolve();
    void accept.then(() => {
      if (done && this.busy) this.setBusy(false);
      else this.host.changed();
    });
  }

  /** Takes Janus's list of this subscription's streams, when the answer carries one. */
  private readStreams(data: PluginData): void {
    const list = data.streams;
    if (!Array.isArray(list)) return;
    this.streams.clear();
    for (const s of list as Record<string, unknown>[]) {
      const stream: SubscribedStream = {
        mid: String(s.mid),
        type: String(s.type),
        feedId: Number(s.feed_id),
        feedMid: String(s.feed_mid),
        active: s.active !== false && s.feed_id !== undefined,
      };
      this.streams.set(stream.mid, stream);
    }
    this.host.changed();
  }

  /** Answers an offer of Janus (a first subscription, an update, an ICE restart) with `start`. */
  private acceptOffer(offer: RTCSessionDescriptionInit): Promise<void> {
    const step = async () => {
      let pc = this.pc;
      if (!pc || pc.signalingState === 'closed') pc = this.createPc();
      await pc.setRemoteDescription(offer);
      for (const candidate of this.pendingCandidates.splice(0)) await pc.addIceCandidate(candidate).catch(() => {});
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await this.handle.message({ request: 'start' }, pc.localDescription!);
      this.host.changed();
    };
    const next = this.negotiating.then(step, step);
    this.negotiating = next.catch((error: unknown) => {
      this.host.failed(error);
      this.answerRefused = true;
      this.host.changed();
    });
    return this.negotiating;
  }

  private createPc(): RTCPeerConnection {
    const pc = new RTCPeerConnection({ iceServers: [...this.host.iceServers], bundlePolicy: 'max-bundle' });
    this.pc = pc;
    pc.onicecandidate = (event) => {
      if (this.pc === pc) this.handle.trickle(event.candidate);
    };
    pc.onconnectionstatechange = () => {
      this.disconnectedAt = pc.connectionState === 'disconnected' ? (this.disconnectedAt ?? Date.now()) : undefined;
      this.host.changed();
    };
    pc.ontrack = () => this.host.changed();
    pc.oniceconnectionstatechange = () => this.host.changed();
    return pc;
  }

  private remoteCandidate(candidate: (RTCIceCandidateInit & { completed?: boolean }) | undefined): void {
    if (!candidate) return;
    const init: RTCIceCandidateInit = candidate.completed ? { candidate: '' } : candidate;
    const pc = this.pc;
    if (!pc || !pc.remoteDescription) this.pendingCandidates.push(init);
    else pc.addIceCandidate(init).catch(() => {});
  }
}
