import type { PluginData } from './janus-api.js';
import type { JanusHandle } from './janus-session.js';
import { brokenState, type LinkBroken } from './recovery.js';

/** What a publisher sends: one transceiver per kind, in this order (audio first: m-line 0). */
export type PublishedKind = 'audio' | 'video';

/** What a publisher needs from the adapter. */
export interface PublisherHost {
  readonly iceServers: readonly RTCIceServer[];
  /** The PeerConnection's state changed (for the adapter's status). */
  changed(): void;
  /** Janus hung up this publisher's PeerConnection (ICE or DTLS failed, or it was closed). */
  hungUp(publisher: Publisher): void;
}

/**
 * One VideoRoom publisher handle and its sendonly PeerConnection. The
 * transceivers exist from the first offer even without a track (camera off,
 * audio-only), so turning the camera on later is a `replaceTrack`, with no
 * renegotiation. Local candidates are trickled to Janus as the browser finds
 * them (full trickle: the offer goes out before gathering, which in Chromium
 * saves about 350 ms, TOOLCHAIN.md); Janus's arrive as `trickle` events.
 */
export class Publisher {
  pc?: RTCPeerConnection;
  /** This publisher's id in the room, once joined. */
  feedId?: number;
  privateId?: number;
  private readonly transceivers = new Map<PublishedKind, RTCRtpTransceiver>();
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private negotiating: Promise<void> = Promise.resolve();
  private closed = false;
  private disconnectedAt?: number;

  constructor(
    readonly handle: JanusHandle,
    readonly kinds: readonly PublishedKind[],
    private readonly host: PublisherHost,
    /** Room events (publishers, unpublished, leaving, display changes) for the one handle that listens to the room. */
    private readonly onRoomEvent?: (data: PluginData) => void,
  ) {
    handle.listen((message) => {
      if (message.janus === 'trickle') this.remoteCandidate(message.candidate);
      else if (message.janus === 'hangup') this.host.hungUp(this);
      else if (message.janus === 'event' && message.plugindata) this.onRoomEvent?.(message.plugindata.data);
    });
  }

  /** Joins the room as a publisher (not sending yet); resolves with the `joined` answer. */
  async join(room: number, display: string): Promise<PluginData> {
    const { data } = await this.handle.message({ request: 'join', ptype: 'publisher', room, display });
    this.feedId = Number(data.id);
    this.privateId = Number(data.private_id);
    return data;
  }

  /**
   * Publishes with a new PeerConnection: an offer with a sendonly transceiver
   * per kind, the given tracks on them (or none yet). Resolves when Janus's
   * answer is applied; media starts when ICE and DTLS complete.
   */
  publish(tracks: Partial<Record<PublishedKind, MediaStreamTrack | null>>, body: Record<string, unknown> = {}): Promise<void> {
    return this.serially(async () => {
      this.closePc();
      const pc = new RTCPeerConnection({ iceServers: [...this.host.iceServers], bundlePolicy: 'max-bundle' });
      this.pc = pc;
      this.pendingCandidates = [];
      pc.onicecandidate = (event) => {
        if (this.pc === pc) this.handle.trickle(event.candidate);
      };
      this.disconnectedAt = undefined;
      pc.onconnectionstatechange = () => {
        this.disconnectedAt = pc.connectionState === 'disconnected' ? (this.disconnectedAt ?? Date.now()) : undefined;
        this.host.changed();
      };
      for (const kind of this.kinds) {
        const track = tracks[kind] ?? null;
        this.transceivers.set(kind, pc.addTransceiver(track ?? kind, { direction: 'sendonly' }));
      }
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const { jsep } = await this.handle.message({ request: 'publish', ...body }, pc.localDescription!);
      await this.answer(pc, jsep);
    });
  }

  /** Re-offers with fresh ICE credentials on the same PeerConnection (a publisher restarts ICE with its own offer). */
  restartIce(): Promise<void> {
    return this.serially(async () => {
      const pc = this.pc;
      if (!pc || pc.signalingState === 'closed') return;
      const offer = await pc.createOffer({ iceRestart: true });
      await pc.setLocalDescription(offer);
      const { jsep } = await this.handle.message({ request: 'configure' }, pc.localDescription!);
      await this.answer(pc, jsep);
    });
  }

  /** Stops publishing (Janus tells the others `unpublished`); the handle stays in the room. */
  async unpublish(): Promise<void> {
    this.closePc();
    await this.handle.message({ request: 'unpublish' }).catch(() => {});
  }

  /** Puts a track (or none) on the transceiver of `kind`, without renegotiation. */
  async setTrack(kind: PublishedKind, track: MediaStreamTrack | null): Promise<void> {
    const sender = this.transceivers.get(kind)?.sender;
    if (!sender || this.pc?.signalingState === 'closed' || sender.track === track) return;
    await sender.replaceTrack(track).catch(() => {});
  }

  /** Caps the video encoder locally (kbit/s), as Janus's REMB (`configure` `bitrate`) caps it from the server side. */
  async capVideo(kbps: number | undefined): Promise<void> {
    const sender = this.transceivers.get('video')?.sender;
    if (!sender || this.pc?.signalingState === 'closed') return;
    const parameters = sender.getParameters();
    if (!parameters.encodings?.length) return;
    for (const encoding of parameters.encodings) {
      if (kbps === undefined) delete encoding.maxBitrate;
      else encoding.maxBitrate = kbps * 1000;
    }
    await sender.setParameters(parameters).catch(() => {});
  }

  /** A `configure` request (display, bitrate…). */
  configure(body: Record<string, unknown>): Promise<PluginData> {
    return this.handle.message({ request: 'configure', ...body }).then((reply) => reply.data);
  }

  /** The audio sender, for the local speaking level. */
  get audioSender(): RTCRtpSender | undefined {
    return this.transceivers.get('audio')?.sender;
  }

  /** The PeerConnection is up. */
  get connected(): boolean {
    return this.pc?.connectionState === 'connected';
  }

  /** The PeerConnection failed (or has been disconnected too long), or was closed under the adapter (not by `close`). */
  get broken(): LinkBroken {
    return this.closed ? undefined : brokenState(this.pc, this.disconnectedAt);
  }

  /** Leaves the room and detaches. */
  async close(): Promise<void> {
    this.closed = true;
    this.closePc();
    await this.handle.message({ request: 'leave' }).catch(() => {});
    await this.handle.detach();
  }

  describe(): Record<string, unknown> {
    return { feed: this.feedId, kinds: this.kinds, signaling: this.pc?.signalingState, connection: this.pc?.connectionState, ice: this.pc?.iceConnectionState };
  }

  private async answer(pc: RTCPeerConnection, jsep: RTCSessionDescriptionInit | undefined): Promise<void> {
    if (!jsep || jsep.type !== 'answer') throw new Error('Janus sent no answer to the offer');
    if (this.pc !== pc) return;
    await pc.setRemoteDescription(jsep);
    for (const candidate of this.pendingCandidates.splice(0)) await pc.addIceCandidate(candidate).catch(() => {});
  }

  private remoteCandidate(candidate: (RTCIceCandidateInit & { completed?: boolean }) | undefined): void {
    const pc = this.pc;
    if (!pc || !candidate) return;
    const init: RTCIceCandidateInit = candidate.completed ? { candidate: '' } : candidate;
    if (!pc.remoteDescription) this.pendingCandidates.push(init);
    else pc.addIceCandidate(init).catch(() => {});
  }

  private closePc(): void {
    const pc = this.pc;
    this.pc = undefined;
    this.transceivers.clear();
    if (pc) {
      pc.onicecandidate = null;
      pc.onconnectionstatechange = null;
      pc.close();
    }
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.negotiating.then(step, step);
    this.negotiating = next.catch(() => {});
    return next;
  }
}
