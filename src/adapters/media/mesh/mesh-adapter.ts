import type {
  LocalMedia,
  MediaAdapter,
  MediaError,
  MediaJoin,
  MediaParticipantInfo,
  MediaSignalling,
  MediaSnapshot,
  MediaStatus,
  MicrophoneRule,
  SignalPayload,
} from '../../../core/media.js';
import { bandwidthCap } from '../shared/bitrate.js';
import { isDeviceError, openDevices, openScreen } from '../shared/local-media.js';
import { LocalTracks, type LocalKind } from '../shared/local-tracks.js';
import { MicrophoneFloor } from '../shared/microphone-floor.js';
import { SnapshotCache } from '../shared/snapshot-cache.js';
import { levelBetween, senderEnergy, SPEAKING_HOLD_MS, SPEAKING_LEVEL, type AudioEnergy } from '../shared/stats.js';
import { PeerLink, type LinkHost, type LocalSending } from './peer-link.js';
import { decodeSignal, encodeSignal, type MeshEnvelope } from './signals.js';
import { cameraScale, DEFAULT_MAX_VIDEO_SENDERS, linkVideoBitrate, maySendVideo } from './video-senders.js';

export { DEFAULT_MAX_VIDEO_SENDERS, FULL_RESOLUTION_PEERS } from './video-senders.js';

/** Options of the built-in mesh adapter. */
export interface MeshAdapterOptions {
  /**
   * STUN/TURN servers. None by default: the mesh then connects on the same
   * network (and on loopback); across the internet an integrator gives at
   * least a STUN server, and a TURN server for members behind strict NATs.
   */
  readonly iceServers?: readonly RTCIceServer[];
  /** How many participants send camera video at once (see `DEFAULT_MAX_VIDEO_SENDERS`). */
  readonly maxVideoSenders?: number;
  /** Camera constraints (640x480 at 20 fps by default); the chosen device is added. */
  readonly video?: MediaTrackConstraints;
  /** Microphone constraints (the browser's echo cancellation and noise suppression by default). */
  readonly audio?: MediaTrackConstraints;
  /** Interval of the quality and recovery check, in ms (about 2 s). */
  readonly statsIntervalMs?: number;
  /** Interval of the speaking indicator's sampling, in ms. */
  readonly speakingIntervalMs?: number;
}

/** The part of `MeetingClient` that tells when its connection is back (optional: any relay works without it). */
interface RelayStatus {
  subscribe(listener: () => void): () => void;
  getSnapshot(): { readonly status?: unknown };
}
const hasStatus = (relay: MediaSignalling): relay is MediaSignalling & RelayStatus =>
  typeof (relay as Partial<RelayStatus>).subscribe === 'function' && typeof (relay as Partial<RelayStatus>).getSnapshot === 'function';

/**
 * The built-in mesh: an RTCPeerConnection between every two online
 * participants (peer-link.ts), signalling relayed by the meeting server,
 * audio from everyone and camera video from the first `maxVideoSenders`
 * participants whose camera is on, in the order `setParticipants` gives when
 * it lists this member too (so a page can put the speaker and the bridge
 * points first), else in participant-id order.
 */
export class MeshAdapter implements MediaAdapter<MediaStreamTrack> {
  readonly name = 'mesh';
  private readonly options: Required<Omit<MeshAdapterOptions, 'video' | 'audio'>> & Pick<MeshAdapterOptions, 'video' | 'audio'>;
  private join?: MediaJoin;
  private base: MediaStatus = 'idle';
  private error?: MediaError;
  private participants: readonly MediaParticipantInfo[] = [];
  private readonly online = new Map<string, boolean>();
  private readonly links = new Map<string, PeerLink>();
  private readonly tracks: LocalTracks;
  private readonly floor = new MicrophoneFloor();
  private cameraWanted = true;
  private audioOnly = false;
  private maxBitrateKbps?: number;
  private localLoudAt = 0;
  private captured?: AudioEnergy;
  private sampling = false;
  private localSpeaking = false;
  private readonly cache = new SnapshotCache(() => this.compute());
  private cleanups: (() => void)[] = [];
  private readonly host: LinkHost;

  constructor(options: MeshAdapterOptions = {}) {
    this.options = {
      iceServers: [],
      maxVideoSenders: DEFAULT_MAX_VIDEO_SENDERS,
      statsIntervalMs: 2_000,
      speakingIntervalMs: 300,
      ...options,
    };
    this.tracks = new LocalTracks(options, (kind) => this.trackEnded(kind));
    this.host = {
      iceServers: this.options.iceServers,
      send: (peerId, envelope) => this.send(peerId, envelope),
      sending: () => this.sending(),
      changed: () => this.changed(),
      peerCameraChanged: () => this.applyAll(),
      failed: (peerId, error) => this.linkFailed(peerId, error),
    };
  }

  async connect(join: MediaJoin): Promise<void> {
    if (this.join) await this.disconnect();
    if (typeof globalThis.RTCPeerConnection !== 'function') {
      this.base = 'failed';
      this.error = { code: 'not-supported', detail: 'RTCPeerConnection is missing' };
      this.changed();
      return;
    }
    this.join = join;
    this.base = 'connecting';
    this.error = undefined;
    this.floor.start(join.microphoneOff);
    this.cameraWanted = !join.cameraOff;
    this.audioOnly = join.audioOnly ?? false;
    this.listen(join.signalling);
    this.startTimers();
    // Links start while the devices open: the first offer does not wait for the camera (its track is put on later).
    this.syncLinks();
    this.changed();
    const opened = await openDevices(this.tracks.audio(join.microphoneId), this.cameraWanted && !this.audioOnly ? this.tracks.video(join.cameraId) : false);
    if (this.join !== join) {
      opened.microphone?.stop();
      opened.camera?.stop();
      return;
    }
    this.useMicrophone(opened.microphone);
    this.tracks.set('camera', opened.camera);
    if (opened.error) this.error = opened.error;
    this.base = 'connected';
    this.applyAll();
  }

  async disconnect(): Promise<void> {
    this.join = undefined;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.online.clear();
    this.tracks.stopAll();
    this.base = 'closed';
    this.changed();
  }

  async setMicrophone(on: boolean): Promise<void> {
    // The floor forbids unmuting now: refused, nothing changes (the element shows the lock).
    if (!this.floor.request(on)) return;
    if (on && !this.tracks.microphone && this.join) {
      const opened = await openDevices(this.tracks.audio(this.join.microphoneId), false);
      if (opened.error) this.fail(opened.error);
      else this.clearDeviceError();
      this.useMicrophone(opened.microphone);
    }
    if (this.tracks.microphone) this.tracks.microphone.enabled = this.floor.wanted;
    this.applyAll();
  }

  async setCamera(on: boolean): Promise<void> {
    this.cameraWanted = on;
    if (!on) this.tracks.set('camera', undefined);
    else await this.openCamera();
    this.applyAll();
  }

  async setScreenShare(on: boolean): Promise<void> {
    if (!on) {
      this.tracks.set('screen', undefined);
    } else if (!this.tracks.screen && this.join) {
      const opened = await openScreen();
      if (opened.error) this.fail(opened.error);
      this.tracks.set('screen', opened.track);
    }
    this.applyAll();
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    // A weak device or connection: the camera stops too, and opens again when video comes back.
    if (on) this.tracks.set('camera', undefined);
    else if (this.cameraWanted) await this.openCamera();
    this.applyAll();
  }

  async setBandwidthCap(kbps: number | undefined): Promise<void> {
    this.maxBitrateKbps = bandwidthCap(kbps);
    this.applyAll();
  }

  setParticipants(participants: readonly MediaParticipantInfo[]): void {
    this.participants = participants;
    if (this.join) this.syncLinks();
    this.applyAll();
  }

  applyMicrophoneRule(rule: MicrophoneRule): void {
    if (this.floor.apply(rule) && this.tracks.microphone) this.tracks.microphone.enabled = false;
    this.applyAll();
  }

  getSnapshot(): MediaSnapshot<MediaStreamTrack> {
    return this.cache.get();
  }

  subscribe(listener: () => void): () => void {
    return this.cache.subscribe(listener);
  }

  /** The peer connections by participant id, for diagnostics (chrome://webrtc-internals shows the same). */
  connections(): ReadonlyMap<string, RTCPeerConnection> {
    return new Map([...this.links].map(([id, link]) => [id, link.pc]));
  }

  /** Each link's negotiation and ICE state, for the console and test reports. */
  diagnostics(): Record<string, unknown>[] {
    return [...this.links.values()].map((link) => link.describe());
  }

  private get me(): string | undefined {
    return this.join?.participantId;
  }

  private listen(signalling: MediaSignalling | undefined): void {
    if (!signalling) {
      this.error = { code: 'server-unreachable', detail: 'the mesh needs the meeting server relay (MediaJoin.signalling)' };
      return;
    }
    this.cleanups.push(signalling.onSignal((from, payload) => this.handleSignal(from, payload)));
    if (hasStatus(signalling)) {
      let up = signalling.getSnapshot().status === 'connected';
      this.cleanups.push(
        signalling.subscribe(() => {
          const now = signalling.getSnapshot().status === 'connected';
          // Back after a break: what was said meanwhile was dropped, so say it again and renegotiate what is down.
          if (now && !up) for (const link of this.links.values()) link.resume();
          up = now;
        }),
      );
    }
  }

  private startTimers(): void {
    const stats = setInterval(() => void this.check(), this.options.statsIntervalMs);
    const speaking = setInterval(() => void this.sampleSpeaking(), this.options.speakingIntervalMs);
    this.cleanups.push(() => clearInterval(stats), () => clearInterval(speaking));
  }

  private handleSignal(from: string, payload: SignalPayload): void {
    const envelope = decodeSignal(payload);
    if (!envelope || !this.join || from === this.me) return;
    let link = this.links.get(from);
    if (!link) {
      // A peer can signal before its arrival reaches this page; a stale message from one that left must not revive a link.
      const starts = envelope.m.k === 'hello' || (envelope.m.k === 'sdp' && envelope.m.d.type === 'offer');
      if (this.online.get(from) === false && !starts) return;
      link = this.openLink(from, envelope.m.k === 'sdp');
      link.receive(envelope);
      // One more link: the others may now send the camera scaled down.
      this.applyAll();
      return;
    }
    link.receive(envelope);
  }

  private send(peerId: string, envelope: MeshEnvelope): void {
    this.join?.signalling?.signal(peerId, encodeSignal(envelope));
  }

  /** Opens links to peers that are online, closes those of peers that went offline. */
  private syncLinks(): void {
    const me = this.me;
    for (const p of this.participants) {
      if (p.participantId === me) continue;
      const was = this.online.get(p.participantId);
      this.online.set(p.participantId, p.online);
      const link = this.links.get(p.participantId);
      if (p.online && !link) {
        this.openLink(p.participantId);
      } else if (!p.online && was && link) {
        link.close();
        this.links.delete(p.participantId);
        this.changed();
      }
    }
  }

  private openLink(peerId: string, answering = false): PeerLink {
    const link = new PeerLink(this.me!, peerId, this.host, answering);
    this.links.set(peerId, link);
    this.changed();
    return link;
  }

  private sending(): LocalSending {
    const { microphone, camera: captured, screen: shared } = this.tracks;
    const me = this.me;
    const mayVideo = me !== undefined && maySendVideo(me, this.participants, (id) => this.links.get(id)?.remoteState, this.options.maxVideoSenders);
    const camera = captured && !this.audioOnly && mayVideo ? captured : null;
    const screen = shared && !this.audioOnly ? shared : null;
    return {
      microphone: microphone ?? null,
      camera,
      screen,
      audioOnly: this.audioOnly,
      videoBitrate: linkVideoBitrate(this.maxBitrateKbps, this.links.size, (camera ? 1 : 0) + (screen ? 1 : 0)),
      // Each link encodes the camera again: past a few peers, at a quarter of the encoding work.
      cameraScale: cameraScale(this.links.size),
      state: { mic: this.microphoneOn, cam: !!captured, video: !!camera, screen: !!screen, ao: this.audioOnly },
    };
  }

  private get microphoneOn(): boolean {
    const microphone = this.tracks.microphone;
    return this.floor.wanted && !!microphone && microphone.readyState === 'live';
  }

  private applyAll(): void {
    for (const link of this.links.values()) {
      try {
        link.apply();
      } catch (error) {
        // Never out of a setter or setParticipants (the meeting client calls it from its own update).
        console.debug(`mesh: link to ${link.peerId}:`, error);
      }
    }
    this.changed();
  }

  private async openCamera(): Promise<void> {
    if (this.tracks.camera || !this.join || this.audioOnly) return;
    const opened = await openDevices(false, this.tracks.video(this.join.cameraId));
    if (opened.error) this.fail(opened.error);
    else this.clearDeviceError();
    if (this.cameraWanted && !this.audioOnly && this.join) this.tracks.set('camera', opened.camera);
    else opened.camera?.stop();
  }

  private useMicrophone(track: MediaStreamTrack | undefined): void {
    this.tracks.set('microphone', track);
    if (track) track.enabled = this.floor.wanted;
  }

  /** A device stopped by itself (unplugged), or the browser's own "stop sharing" button. */
  private trackEnded(kind: LocalKind): void {
    if (kind === 'screen') {
      void this.setScreenShare(false);
      return;
    }
    this.fail({ code: 'no-device', detail: `the ${kind} stopped (unplugged?)` });
    this.applyAll();
  }

  private fail(error: MediaError): void {
    this.error = error;
    this.changed();
  }

  private clearDeviceError(): void {
    if (isDeviceError(this.error)) this.error = undefined;
  }

  private linkFailed(peerId: string, error: MediaError | undefined): void {
    if (error) this.fail(error);
    else if (this.error?.participantId === peerId) {
      this.error = undefined;
      this.changed();
    }
  }

  private async check(): Promise<void> {
    const results = await Promise.all([...this.links.values()].map((link) => link.check().catch(() => false)));
    if (results.some(Boolean)) this.changed();
  }

  private async sampleSpeaking(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const now = Date.now();
      const links = [...this.links.values()];
      const changes = await Promise.all(links.map((link) => link.sampleSpeaking(now).catch(() => false)));
      // Our own level from the microphone's capture stats (any connected link has them; alone, nobody hears us anyway).
      const sender = links.find((link) => link.connected)?.audioSender;
      const captured = this.microphoneOn && sender ? await senderEnergy(sender).catch(() => undefined) : undefined;
      if (levelBetween(this.captured, captured) >= SPEAKING_LEVEL) this.localLoudAt = now;
      this.captured = captured;
      const speaking = this.microphoneOn && now - this.localLoudAt < SPEAKING_HOLD_MS;
      if (speaking !== this.localSpeaking || changes.some(Boolean)) {
        this.localSpeaking = speaking;
        this.changed();
      }
    } finally {
      this.sampling = false;
    }
  }

  private compute(): MediaSnapshot<MediaStreamTrack> {
    const order = new Map(this.participants.map((p, i) => [p.participantId, i]));
    const links = [...this.links.values()].sort((a, b) => (order.get(a.peerId) ?? Infinity) - (order.get(b.peerId) ?? Infinity));
    const camera = this.tracks.camera;
    const local: LocalMedia<MediaStreamTrack> = {
      microphoneOn: this.microphoneOn,
      cameraOn: !!camera,
      screenOn: !!this.tracks.screen,
      audioOnly: this.audioOnly,
      ...(this.maxBitrateKbps === undefined ? {} : { maxBitrateKbps: this.maxBitrateKbps }),
      microphoneLocked: this.floor.locked,
      ...(camera ? { video: camera } : {}),
      // Muted is silent at once, not at the next sample.
      speaking: this.localSpeaking && this.microphoneOn,
    };
    const recovering = this.base === 'connected' && links.some((link) => link.recovering);
    return {
      status: recovering ? 'reconnecting' : this.base,
      local,
      remotes: links.map((link) => link.remote()),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private changed(): void {
    this.cache.changed();
  }
}
