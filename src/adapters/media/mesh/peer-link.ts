import type { MediaError, RemoteMedia } from '../../../core/media.js';
import { preferCodecs, setTrack, tuneEncoding } from './encodings.js';
import type { MeshEnvelope, MeshMessage, PeerMediaState } from './signals.js';
import { LinkIndicators } from './link-indicators.js';

/** What this member sends on every link now; the adapter computes it, the link applies it. */
export interface LocalSending {
  readonly microphone: MediaStreamTrack | null;
  readonly camera: MediaStreamTrack | null;
  readonly screen: MediaStreamTrack | null;
  /** Neither send nor receive video (the transceivers go inactive). */
  readonly audioOnly: boolean;
  /** Per-link cap of each video sender, in bit/s; none when undefined. */
  readonly videoBitrate?: number;
  /** How much the camera's resolution is divided by on each link (1: as captured). */
  readonly cameraScale: number;
  readonly state: PeerMediaState;
}

/** What a link needs from the adapter that owns it. */
export interface LinkHost {
  readonly iceServers: readonly RTCIceServer[];
  /** Relays a message to the link's peer. */
  send(peerId: string, envelope: MeshEnvelope): void;
  /** What to send now. */
  sending(): LocalSending;
  /** Something a tile shows changed (tracks, mute, speaking, quality, connection). */
  changed(): void;
  /** The peer's camera went on or off: who may send video can change. */
  peerCameraChanged(): void;
  /** A failure of this link, or `undefined` when it works again. */
  failed(peerId: string, error: MediaError | undefined): void;
}

/** The three transceivers of a link, in m-line order. */
interface Transceivers {
  readonly audio: RTCRtpTransceiver;
  readonly camera: RTCRtpTransceiver;
  readonly screen: RTCRtpTransceiver;
}

/** How long after an ICE restart the link tries again if it is still down; doubles up to the maximum. */
const RESTART_RETRY_MS = 3_000;
const RESTART_RETRY_MAX_MS = 15_000;
/**
 * A link down this long, its ICE restarts failing, is reported as `ice-failed`
 * (the member is told the video cannot get through; the link keeps trying and
 * the error goes when it connects). Chromium's own `failed` may never come:
 * each restart sends the connection back to checking. Measured in
 * test/media/mesh-ice.test.ts with the media path cut.
 */
const ICE_FAILED_AFTER_MS = 15_000;
/** A link that has had no answer from its peer for this long says hello (or offers) again: a message may have been dropped. */
const NEGOTIATION_RETRY_MS = 4_000;

/** How long an offer waits for its answer after the peer said hello, before it is sent again. */
const HELLO_ANSWER_MS = 700;

let lastEpoch = 0;
/** A link generation: increasing within the page, and across reloads (it starts from the clock). */
function nextEpoch(): number {
  lastEpoch = Math.max(Date.now(), lastEpoch + 1);
  return lastEpoch;
}

const receives = (t: RTCRtpTransceiver | undefined) => t?.currentDirection === 'sendrecv' || t?.currentDirection === 'recvonly';

/**
 * One RTCPeerConnection between this member and one peer, negotiated with the
 * "perfect negotiation" pattern of the WebRTC specification (§ 10.7, "Perfect
 * negotiation example"): the side with the smaller participant id is polite
 * (it yields when both offer at once), the other is impolite and also makes
 * the first offer, creating the transceivers (audio, camera, screen) so that
 * both sides agree on their order. Candidates are sent as they are gathered.
 *
 * A link can be rebuilt (a new connection and a new epoch) when its peer comes
 * back; see signals.ts for how generations are told apart.
 */
export class PeerLink {
  readonly polite: boolean;
  /** Makes the first offer and creates the transceivers. */
  readonly initiator: boolean;
  epoch = nextEpoch();
  /** The peer's generation this link talks to, once heard from. */
  theirEpoch?: number;
  pc!: RTCPeerConnection;
  remoteState?: PeerMediaState;
  /** Speaking and quality, for the peer's tile. */
  readonly indicators = new LinkIndicators();
  private closed = false;
  private makingOffer = false;
  private ignoreOffer = false;
  private queue: Promise<void> = Promise.resolve();
  private restarts = 0;
  private restartedAt = 0;
  /** When the connection went down (disconnected or failed), until it connects again. */
  private lostAt?: number;
  /** Whether this outage was reported as `ice-failed`. */
  private failureReported = false;
  private createdAt = 0;
  private lastHeardAt = 0;
  private sentState?: string;
  /** When this connection reached each step (ms of `performance.now()`), for diagnostics. */
  private milestones: Record<string, number> = {};

  /** `answering`: the link is made for an offer that just came, so it needs no hello. */
  constructor(
    readonly me: string,
    readonly peerId: string,
    private readonly host: LinkHost,
    answering = false,
  ) {
    this.polite = me < peerId;
    this.initiator = !this.polite;
    this.build(!answering);
  }

  /** Closes the connection for good. */
  close(): void {
    this.closed = true;
    this.pc.close();
  }

  /** The connection is up (ICE connected). */
  get connected(): boolean {
    const state = this.pc.iceConnectionState;
    return state === 'connected' || state === 'completed';
  }

  /** The connection is down and being restarted. */
  get recovering(): boolean {
    const state = this.pc.iceConnectionState;
    return state === 'disconnected' || state === 'failed' || this.pc.signalingState === 'closed';
  }

  /** Starts over with a new connection and a new epoch (the peer came back, or the connection was closed under us). */
  rebuild(): void {
    this.pc.close();
    this.epoch = nextEpoch();
    this.theirEpoch = undefined;
    this.build(true);
  }

  /** Handles one relayed message from the peer (in order, one at a time). */
  receive(envelope: MeshEnvelope): void {
    if (this.closed) return;
    if (this.pc.signalingState === 'closed') {
      // Closed under the adapter (the page, the browser): start over; the peer follows the new epoch.
      this.rebuild();
      return;
    }
    // Addressed to an earlier generation of this link: the peer had not heard of the new one yet.
    if (envelope.to !== undefined && envelope.to !== this.epoch) return;
    if (this.theirEpoch !== undefined && envelope.e !== this.theirEpoch) {
      if (envelope.e < this.theirEpoch) return;
      // The peer rebuilt its side: so does this one, keeping its own epoch (or both would rebuild forever).
      // No hello: the peer has a fresh link and negotiates (its offer is this message or follows it).
      this.theirEpoch = envelope.e;
      this.pc.close();
      this.build(false);
    }
    // The first word of this generation of the peer's link: it has heard nothing of ours yet, the media state
    // included (what was sent before it existed went nowhere, e.g. while that member was still checking devices).
    const heardFirst = this.theirEpoch === undefined;
    this.theirEpoch = envelope.e;
    this.lastHeardAt = Date.now();
    const pc = this.pc;
    this.enqueue(() => this.handle(pc, envelope.m));
    if (heardFirst) this.enqueue(async () => this.announce());
  }

  /** Applies what the adapter sends now: tracks, directions, bitrate; announces the media state when it changed. */
  apply(): void {
    // A closed connection takes no changes (setting a direction throws); the periodic check rebuilds it.
    if (this.closed || this.pc.signalingState === 'closed') return;
    const sending = this.host.sending();
    const state = JSON.stringify(sending.state);
    if (state !== this.sentState) {
      this.sentState = state;
      this.post({ k: 'state', s: sending.state });
    }
    const t = this.transceivers();
    if (!t) return;
    const video: RTCRtpTransceiverDirection = sending.audioOnly ? 'inactive' : 'sendrecv';
    setTrack(t.audio.sender, sending.microphone);
    setTrack(t.camera.sender, sending.camera);
    setTrack(t.screen.sender, sending.screen);
    // Changing a direction makes the connection renegotiate (negotiationneeded); the same value does nothing.
    if (t.audio.direction !== 'sendrecv') t.audio.direction = 'sendrecv';
    if (t.camera.direction !== video) t.camera.direction = video;
    if (t.screen.direction !== video) t.screen.direction = video;
    tuneEncoding(t.camera.sender, sending.videoBitrate, sending.cameraScale);
    tuneEncoding(t.screen.sender, sending.videoBitrate, 1);
  }

  /** Sends the media state again (after the signalling channel came back). */
  announce(): void {
    this.sentState = undefined;
    this.apply();
  }

  /** What the adapter shows of this peer. */
  remote(): RemoteMedia<MediaStreamTrack> {
    const t = this.transceivers();
    const s = this.remoteState;
    return {
      participantId: this.peerId,
      ...(t && receives(t.audio) ? { audio: t.audio.receiver.track } : {}),
      ...(t && s?.video && receives(t.camera) ? { video: t.camera.receiver.track } : {}),
      ...(t && s?.screen && receives(t.screen) ? { screen: t.screen.receiver.track } : {}),
      microphoneOn: s?.mic ?? false,
      cameraOn: s?.cam ?? false,
      speaking: this.indicators.speaking && (s?.mic ?? false),
      quality: this.indicators.quality,
    };
  }

  /** Samples the peer's audio level since the last sample, for the speaking indicator; returns whether it changed. */
  async sampleSpeaking(now: number): Promise<boolean> {
    const t = this.transceivers();
    return this.indicators.sampleSpeaking(now, t && this.remoteState?.mic && this.connected ? t.audio.receiver : undefined);
  }

  /** The audio sender, for the local level (the same on every link). */
  get audioSender(): RTCRtpSender | undefined {
    return this.transceivers()?.audio.sender;
  }

  /**
   * The periodic check (every ~2 s): quality from the stats, and recovery —
   * a connection closed under the adapter is rebuilt, one still down after a
   * restart is restarted again, and a negotiation without an answer is retried.
   */
  async check(): Promise<boolean> {
    if (this.closed) return false;
    const pc = this.pc;
    const now = Date.now();
    if (pc.signalingState === 'closed') {
      this.rebuild();
      return true;
    }
    if (this.recovering && now - this.restartedAt >= Math.min(RESTART_RETRY_MAX_MS, RESTART_RETRY_MS * 2 ** Math.max(0, this.restarts - 1))) {
      this.restart();
    } else if (!this.connected && !this.recovering && now - Math.max(this.createdAt, this.lastHeardAt) >= NEGOTIATION_RETRY_MS) {
      this.retryNegotiation();
    }
    if (!this.connected && this.lostAt !== undefined && now - this.lostAt >= ICE_FAILED_AFTER_MS && !this.failureReported) {
      this.failureReported = true;
      const seconds = Math.round((now - this.lostAt) / 1000);
      this.host.failed(this.peerId, { code: 'ice-failed', participantId: this.peerId, detail: `no media path for ${seconds} s after ${this.restarts} ICE restart(s)` });
    }
    const quality = await this.indicators.read(pc, this.connected, this.recovering);
    return pc === this.pc && this.indicators.show(quality);
  }

  /** The link's state, for the console and tests. */
  describe(): Record<string, unknown> {
    return {
      peer: this.peerId,
      epoch: this.epoch,
      theirEpoch: this.theirEpoch,
      polite: this.polite,
      signaling: this.pc.signalingState,
      ice: this.pc.iceConnectionState,
      restarts: this.restarts,
      milestones: this.milestones,
    };
  }

  /** A new connection; the answering side says hello when it starts over on its own (`sayHello`). */
  private build(sayHello: boolean): void {
    const pc = new RTCPeerConnection({ iceServers: [...this.host.iceServers] });
    this.pc = pc;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.restarts = 0;
    this.restartedAt = 0;
    this.lostAt = undefined;
    this.failureReported = false;
    this.createdAt = Date.now();
    this.indicators.reset();
    this.sentState = undefined;
    this.milestones = {};
    this.mark('created');
    this.queue = Promise.resolve();
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || pc !== this.pc) return;
      this.mark('candidate-sent');
      this.post({ k: 'ice', c: candidate.toJSON() });
    };
    pc.onnegotiationneeded = () => this.enqueue(() => this.offer(pc));
    pc.oniceconnectionstatechange = () => this.handleIceState(pc);
    pc.onsignalingstatechange = () => pc === this.pc && this.host.changed();
    if (this.initiator) {
      pc.addTransceiver('audio', { direction: 'sendrecv' });
      preferCodecs(pc.addTransceiver('video', { direction: 'sendrecv' }));
      preferCodecs(pc.addTransceiver('video', { direction: 'sendrecv' }));
    } else if (sayHello) {
      this.post({ k: 'hello' });
    }
    this.apply();
    this.host.changed();
  }

  private mark(step: string): void {
    this.milestones[step] ??= Math.round(performance.now());
  }

  private transceivers(): Transceivers | undefined {
    const [audio, camera, screen] = this.pc.getTransceivers();
    return audio && camera && screen ? { audio, camera, screen } : undefined;
  }

  private post(m: MeshMessage): void {
    if (this.closed) return;
    this.host.send(this.peerId, { e: this.epoch, ...(this.theirEpoch === undefined ? {} : { to: this.theirEpoch }), m });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      // A message of a connection already replaced, or a glare the pattern resolves: the next negotiation settles it.
      console.debug(`mesh: link to ${this.peerId}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async offer(pc: RTCPeerConnection): Promise<void> {
    if (pc !== this.pc || this.closed || pc.signalingState !== 'stable') return;
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      if (pc === this.pc && pc.localDescription) this.post({ k: 'sdp', d: pc.localDescription.toJSON() });
      this.mark('offer-sent');
    } finally {
      this.makingOffer = false;
    }
  }

  private async handle(pc: RTCPeerConnection, m: MeshMessage): Promise<void> {
    if (pc !== this.pc || this.closed) return;
    switch (m.k) {
      case 'hello': {
        // The peer has a fresh link. Our offer may have reached it before it listened (an adapter loaded late):
        // if no answer comes soon, send the offer again (at once would double the work of every ordinary join).
        const offer = pc.localDescription;
        if (pc.signalingState === 'have-local-offer' && offer) {
          setTimeout(() => {
            if (pc === this.pc && pc.signalingState === 'have-local-offer' && pc.localDescription === offer) this.post({ k: 'sdp', d: offer.toJSON() });
          }, HELLO_ANSWER_MS);
        }
        this.sentState = undefined;
        this.apply();
        return;
      }
      case 'state': {
        const before = this.remoteState;
        this.remoteState = m.s;
        if (before?.cam !== m.s.cam || before?.ao !== m.s.ao) this.host.peerCameraChanged();
        this.host.changed();
        return;
      }
      case 'ice':
        this.mark('candidate-received');
        try {
          await pc.addIceCandidate(m.c);
        } catch (error) {
          if (!this.ignoreOffer) throw error;
        }
        return;
      case 'sdp': {
        const description = m.d;
        const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
        this.ignoreOffer = !this.polite && collision;
        if (this.ignoreOffer) return;
        if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') return;
        this.mark(`${description.type}-received`);
        await pc.setRemoteDescription(description);
        if (description.type === 'offer') {
          // The answerer's transceivers now exist (created by the offer): give them our tracks before answering.
          this.apply();
          await pc.setLocalDescription();
          if (pc === this.pc && pc.localDescription) this.post({ k: 'sdp', d: pc.localDescription.toJSON() });
          this.mark('answer-sent');
        } else {
          // Negotiated: a bitrate cap can only be set on a negotiated sender.
          this.apply();
        }
        this.host.changed();
        return;
      }
    }
  }

  private handleIceState(pc: RTCPeerConnection): void {
    if (pc !== this.pc || this.closed) return;
    const state = pc.iceConnectionState;
    this.mark(`ice-${state}`);
    if (state === 'connected' || state === 'completed') {
      this.restarts = 0;
      this.lostAt = undefined;
      this.failureReported = false;
      this.host.failed(this.peerId, undefined);
    } else if (state === 'failed' || state === 'disconnected') {
      this.lostAt ??= Date.now();
      if (state === 'failed' && this.restarts > 0) {
        this.host.failed(this.peerId, { code: 'ice-failed', participantId: this.peerId, detail: `ICE failed after ${this.restarts} restart(s)` });
      }
      if (Date.now() - this.restartedAt >= RESTART_RETRY_MS) this.restart();
    }
    this.host.changed();
  }

  /** An ICE restart: new credentials, renegotiated by whichever side gets there first. */
  private restart(): void {
    this.restartedAt = Date.now();
    this.restarts += 1;
    const pc = this.pc;
    this.enqueue(async () => {
      if (pc !== this.pc) return;
      // An offer of an earlier attempt that was never answered (the signalling was down too) is withdrawn first.
      if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
      pc.restartIce();
    });
  }

  /** The signalling channel is back: announce the state again, and renegotiate a link that is not up. */
  resume(): void {
    this.announce();
    if (this.recovering) this.restart();
    else if (!this.connected) this.retryNegotiation();
  }

  private retryNegotiation(): void {
    this.lastHeardAt = Date.now();
    const pc = this.pc;
    if (pc.signalingState === 'have-local-offer' && pc.localDescription) this.post({ k: 'sdp', d: pc.localDescription.toJSON() });
    else if (!this.transceivers()) this.post({ k: 'hello' });
    else this.restart();
  }
}
