import type {
  LocalMedia,
  MediaAdapter,
  MediaError,
  MediaErrorCode,
  MediaJoin,
  MediaParticipantInfo,
  MediaSnapshot,
  MediaStatus,
  MicrophoneRule,
} from '../../../core/media.js';
import { bandwidthCap, videoKbps } from '../shared/bitrate.js';
import { isDeviceError, openDevices, openScreen } from '../shared/local-media.js';
import { LocalTracks, type LocalKind } from '../shared/local-tracks.js';
import { MicrophoneFloor } from '../shared/microphone-floor.js';
import { SnapshotCache } from '../shared/snapshot-cache.js';
import { JanusConnection } from './janus-connection.js';
import type { JanusAdapterOptions } from './janus-options.js';
import type { LocalState } from './sending.js';

export type { JanusAdapterOptions } from './janus-options.js';

/**
 * The Janus media adapter: Janus's VideoRoom plugin over its WebSocket API
 * (see docs/media-janus.md for running Janus). Each member joins the
 * meeting's room as a publisher (its display carries the meeting participant
 * id, the name and the microphone and camera state, feed-info.ts), publishes
 * microphone and camera on one PeerConnection, a screen share on a second
 * publisher handle, and receives everyone else on one multistream
 * subscription (subscription.ts explains why one). Janus is its own
 * signalling: the meeting server is not involved.
 *
 * This class is the port's face: the devices, the member's choices, the
 * status and the snapshot; janus-connection.ts is the join to Janus.
 */
export class JanusAdapter implements MediaAdapter<MediaStreamTrack> {
  readonly name = 'janus';
  private join?: MediaJoin;
  private base: MediaStatus = 'idle';
  private error?: MediaError;
  private participants: readonly MediaParticipantInfo[] = [];
  private readonly tracks: LocalTracks;
  private devicesReady?: Promise<void>;
  private readonly floor = new MicrophoneFloor();
  private cameraWanted = true;
  private audioOnly = false;
  private maxBitrateKbps?: number;
  private readonly cache = new SnapshotCache(() => this.compute());
  private readonly connection: JanusConnection;

  constructor(options: JanusAdapterOptions) {
    this.tracks = new LocalTracks(options, (kind) => this.trackEnded(kind));
    this.connection = new JanusConnection(options, {
      local: () => this.local(),
      devicesReady: () => this.devicesReady,
      connected: () => this.base === 'connected',
      setStatus: (status) => {
        this.base = status;
      },
      fail: (error) => this.fail(error),
      clearError: (...codes) => this.clearError(codes),
      changed: () => this.changed(),
    });
  }

  async connect(join: MediaJoin): Promise<void> {
    if (this.join) await this.disconnect();
    if (typeof globalThis.RTCPeerConnection !== 'function' || typeof globalThis.WebSocket !== 'function') {
      this.base = 'failed';
      this.error = { code: 'not-supported', detail: 'RTCPeerConnection or WebSocket is missing' };
      this.changed();
      return;
    }
    this.join = join;
    this.base = 'connecting';
    this.error = undefined;
    this.floor.start(join.microphoneOff);
    this.cameraWanted = !join.cameraOff;
    this.audioOnly = join.audioOnly ?? false;
    this.changed();
    // The devices open while the session, the handles and the room are set up.
    this.devicesReady = this.openLocalDevices(join);
    await this.connection.start(join);
  }

  async disconnect(): Promise<void> {
    this.join = undefined;
    await this.connection.stop();
    this.tracks.stopAll();
    this.base = 'closed';
    this.changed();
  }

  async setMicrophone(on: boolean): Promise<void> {
    // The floor forbids unmuting now: refused, nothing changes (the element shows the lock).
    if (!this.floor.request(on)) return;
    if (on && !this.tracks.microphone && this.join) {
      const opened = await openDevices(this.tracks.audio(this.join?.microphoneId), false);
      if (opened.error) this.fail(opened.error);
      else this.clearDeviceError();
      this.useMicrophone(opened.microphone);
      await this.connection.setTrack('audio', this.tracks.microphone ?? null);
    }
    if (this.tracks.microphone) this.tracks.microphone.enabled = this.floor.wanted;
    this.connection.announce();
    this.changed();
  }

  async setCamera(on: boolean): Promise<void> {
    this.cameraWanted = on;
    if (!on) this.tracks.set('camera', undefined);
    else await this.openCamera();
    await this.connection.setTrack('video', this.sentCamera());
    this.connection.announce();
    this.changed();
  }

  async setScreenShare(on: boolean): Promise<void> {
    if (!on) {
      this.tracks.set('screen', undefined);
    } else if (!this.tracks.screen && this.join) {
      const opened = await openScreen();
      if (opened.error) this.fail(opened.error);
      this.tracks.set('screen', opened.track);
    }
    await this.connection.syncScreen();
    this.changed();
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    // A weak device or connection: the camera stops too, and opens again when video comes back.
    if (on) this.tracks.set('camera', undefined);
    else if (this.cameraWanted) await this.openCamera();
    await this.connection.setTrack('video', this.sentCamera());
    await this.connection.syncScreen();
    this.connection.updateSubscription();
    this.connection.announce();
    this.changed();
  }

  async setBandwidthCap(kbps: number | undefined): Promise<void> {
    this.maxBitrateKbps = bandwidthCap(kbps);
    await this.connection.applyBitrate();
    this.changed();
  }

  setParticipants(participants: readonly MediaParticipantInfo[]): void {
    this.participants = participants;
    this.changed();
  }

  applyMicrophoneRule(rule: MicrophoneRule): void {
    if (this.floor.apply(rule)) {
      if (this.tracks.microphone) this.tracks.microphone.enabled = false;
      this.connection.announce();
    }
    this.changed();
  }

  getSnapshot(): MediaSnapshot<MediaStreamTrack> {
    return this.cache.get();
  }

  subscribe(listener: () => void): () => void {
    return this.cache.subscribe(listener);
  }

  /** The session, handles and PeerConnections, for the console and test reports. */
  diagnostics(): Record<string, unknown> {
    return this.connection.diagnostics();
  }

  // ---- local media -----------------------------------------------------------------------------

  private async openLocalDevices(join: MediaJoin): Promise<void> {
    const opened = await openDevices(this.tracks.audio(this.join?.microphoneId), this.cameraWanted && !this.audioOnly ? this.tracks.video(this.join?.cameraId) : false);
    if (this.join !== join) {
      opened.microphone?.stop();
      opened.camera?.stop();
      return;
    }
    this.useMicrophone(opened.microphone);
    this.tracks.set('camera', opened.camera);
    if (opened.error) this.fail(opened.error);
  }

  private async openCamera(): Promise<void> {
    if (this.tracks.camera || !this.join || this.audioOnly) return;
    const opened = await openDevices(false, this.tracks.video(this.join?.cameraId));
    if (opened.error) this.fail(opened.error);
    else this.clearDeviceError();
    if (this.cameraWanted && !this.audioOnly && this.join) this.tracks.set('camera', opened.camera);
    else opened.camera?.stop();
  }

  /** The camera track as sent: none in audio-only mode. */
  private sentCamera(): MediaStreamTrack | null {
    return this.tracks.camera && !this.audioOnly ? this.tracks.camera : null;
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
    if (kind === 'camera') void this.connection.setTrack('video', null);
    this.fail({ code: 'no-device', detail: `the ${kind} stopped (unplugged?)` });
    this.connection.announce();
  }

  /** This member's media now, for the connection. */
  private local(): LocalState {
    return {
      participantId: this.join?.participantId ?? '',
      name: this.join?.name ?? '',
      microphone: this.tracks.microphone,
      microphoneWanted: this.floor.wanted,
      microphoneOn: this.microphoneOn,
      camera: this.sentCamera(),
      screen: this.tracks.screen,
      audioOnly: this.audioOnly,
      videoKbps: videoKbps(this.maxBitrateKbps),
    };
  }

  private get microphoneOn(): boolean {
    return this.floor.wanted && !!this.tracks.microphone && this.tracks.microphone.readyState === 'live';
  }

  // ---- snapshot --------------------------------------------------------------------------------

  private compute(): MediaSnapshot<MediaStreamTrack> {
    const local: LocalMedia<MediaStreamTrack> = {
      microphoneOn: this.microphoneOn,
      cameraOn: !!this.tracks.camera,
      screenOn: !!this.tracks.screen,
      audioOnly: this.audioOnly,
      ...(this.maxBitrateKbps === undefined ? {} : { maxBitrateKbps: this.maxBitrateKbps }),
      microphoneLocked: this.floor.locked,
      ...(this.tracks.camera ? { video: this.tracks.camera } : {}),
      // Muted is silent at once, without waiting for the indicator's hold.
      speaking: this.microphoneOn && this.connection.speaking,
    };
    const recovering = this.base === 'connected' && this.connection.recovering;
    return {
      status: recovering ? 'reconnecting' : this.base,
      local,
      remotes: this.connection.remotes(this.participants),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private fail(error: MediaError): void {
    this.error = error;
    this.changed();
  }

  private clearDeviceError(): void {
    if (isDeviceError(this.error)) this.error = undefined;
  }

  /** Ends the error when it has one of `codes`; whether it did. */
  private clearError(codes: readonly MediaErrorCode[]): boolean {
    if (!this.error || !codes.includes(this.error.code)) return false;
    this.error = undefined;
    return true;
  }

  private changed(): void {
    this.cache.changed();
  }
}
