import type {
  AudioCaptureOptions,
  LocalParticipant,
  RemoteParticipant,
  RemoteTrackPublication,
  Room,
  RoomOptions,
  Track,
  VideoCaptureOptions,
} from 'livekit-client';
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
  RemoteMedia,
} from '../../../core/media.js';
import { bandwidthCap } from '../shared/bitrate.js';
import { DEFAULT_AUDIO } from '../shared/local-tracks.js';
import { isDeviceError } from '../shared/local-media.js';
import { MicrophoneFloor } from '../shared/microphone-floor.js';
import { SnapshotCache } from '../shared/snapshot-cache.js';
import { cappedBitrates, connectError, isCancelled, isRefused, publishError, qualityOf, resolutionOf, statusOf, videoCapBps } from './livekit-map.js';
import { loadLivekit, type LivekitModule } from './load-livekit.js';

/** Where the meeting server mints this adapter's tokens (server/livekit.ts); the room asks it before connecting. */
export const LIVEKIT_TOKEN_PATH = '/media/livekit-token';

/** A video size asked of the SFU. */
export interface TileSize {
  readonly width: number;
  readonly height: number;
}

/** Options of the LiveKit adapter. */
export interface LivekitAdapterOptions {
  /** LiveKit's address, e.g. `wss://livekit.example.vn` (the room's `media-url`). */
  readonly url: string;
  /**
   * Loads livekit-client, written in the page's own code so that its bundler
   * makes it a chunk: `() => import('livekit-client')`. Without it the adapter
   * imports the bare name, which the page's import map must resolve.
   */
  readonly livekit?: () => Promise<unknown>;
  /**
   * End-to-end encryption: a key the meeting's members share (a passphrase;
   * LiveKit derives the media key from it with PBKDF2), given by the page from
   * its portal backend. LiveKit never sees it. Needs `e2eeWorker`.
   */
  readonly e2eeKey?: string;
  /**
   * Makes LiveKit's E2EE worker. Written in the page's own code, so that the
   * page's bundler finds the worker file:
   * `() => new Worker(new URL('livekit-client/e2ee-worker', import.meta.url))`.
   */
  readonly e2eeWorker?: () => Worker;
  /** STUN/TURN servers for the browser, besides those LiveKit announces. */
  readonly iceServers?: readonly RTCIceServer[];
  /** Camera constraints (640x480 at 20 fps by default); the chosen device is added. */
  readonly video?: MediaTrackConstraints;
  /** Microphone constraints (echo cancellation, noise suppression, automatic gain by default). */
  readonly audio?: MediaTrackConstraints;
  /** The size asked of the SFU for the speaker's video and a screen share (1280x720). */
  readonly largeTile?: TileSize;
  /** The size asked for every other participant's video (320x180). */
  readonly smallTile?: TileSize;
  /** Interval of the link and bandwidth-cap check, in ms (1 s). */
  readonly checkIntervalMs?: number;
}

const LARGE_TILE: TileSize = { width: 1280, height: 720 };
const SMALL_TILE: TileSize = { width: 320, height: 180 };
/** Wait between attempts to reach LiveKit again, doubling up to the maximum. */
const RETRY_MS = 1_000;
const RETRY_MAX_MS = 10_000;
/** LiveKit's `DisconnectReason`s after which joining again would be wrong: we left, joined elsewhere, were removed, or the room is gone. */
const FINAL_DISCONNECTS = new Set([1, 2, 4, 5]);

type Source = 'microphone' | 'camera' | 'screen';

/**
 * The LiveKit media adapter: the meeting's room on a LiveKit server (room =
 * meeting id, identity = meeting participant id), with the token the meeting
 * server minted (`MediaJoin.mediaToken`, server/livekit.ts), which carries
 * what the member may do (a delegate publishes only at the floor, a guest
 * never). Adaptive stream and dynacast on, simulcast, optional end-to-end
 * encryption. livekit-client is loaded on `connect`, never before.
 *
 * Adaptive stream: LiveKit's sizes video by the elements given to
 * `track.attach()`, but `<media-stage>` renders the port's raw tracks; so the
 * adapter keeps each subscribed video on and asks the SFU for the size its
 * tile has (the speaker and a screen large, everyone else small), which is
 * what adaptive stream would have asked (RemoteTrackPublication
 * `setEnabled`, `setVideoDimensions`).
 */
export class LivekitAdapter implements MediaAdapter<MediaStreamTrack> {
  readonly name = 'livekit';
  /** Where the room asks the meeting server for this adapter's token. */
  readonly mediaTokenPath = LIVEKIT_TOKEN_PATH;
  private readonly options: LivekitAdapterOptions;
  private lk?: LivekitModule;
  private join?: MediaJoin;
  private room?: Room;
  /** Bumped by every (re)start and disconnect: work of an older one stops where it is. */
  private epoch = 0;
  private base: MediaStatus = 'idle';
  private error?: MediaError;
  private participants: readonly MediaParticipantInfo[] = [];
  private readonly floor = new MicrophoneFloor();
  private cameraWanted = true;
  private audioOnly = false;
  private maxBitrateKbps?: number;
  /** The last participant heard: their video is asked large. */
  private lastSpeaker?: string;
  /** What was asked of each remote publication (LiveKit sends a request on every `setSubscribed`). */
  private subscribed = new WeakMap<RemoteTrackPublication, boolean>();
  /** LiveKit's own `maxBitrate` of each encoding of a capped sender, to give back when the cap lifts. */
  private ownBitrates = new WeakMap<RTCRtpSender, (number | undefined)[]>();
  /** The E2EE worker of each encrypted room, ended when the room is left. */
  private readonly workers = new WeakMap<Room, Worker>();
  private timer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly cache = new SnapshotCache(() => this.compute());
  private connectAt = 0;
  private milestones: Record<string, number> = {};
  private lastFailure?: string;

  constructor(options: LivekitAdapterOptions) {
    this.options = options;
  }

  async connect(join: MediaJoin): Promise<void> {
    if (this.join) await this.disconnect();
    this.join = join;
    this.connectAt = performance.now();
    this.milestones = {};
    this.error = undefined;
    this.floor.start(join.microphoneOff);
    this.cameraWanted = !join.cameraOff;
    this.audioOnly = join.audioOnly ?? false;
    if (typeof globalThis.RTCPeerConnection !== 'function') return this.stopWith('not-supported', 'RTCPeerConnection is missing');
    if (!join.mediaToken) return this.stopWith('server-unreachable', 'no LiveKit token: the meeting server minted none (is LIVEKIT_URL set on it?)');
    this.base = 'connecting';
    this.changed();
    try {
      this.lk = await loadLivekit(this.options.livekit);
    } catch (error) {
      if (this.join === join) this.stopWith('not-supported', error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.join !== join) return;
    this.mark('loaded');
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs ?? 1_000);
    await this.start(join, RETRY_MS);
  }

  async disconnect(): Promise<void> {
    this.join = undefined;
    this.epoch += 1;
    clearInterval(this.timer);
    clearTimeout(this.retryTimer);
    const room = this.room;
    this.room = undefined;
    if (room) await this.closeRoom(room);
    this.base = 'closed';
    this.changed();
  }

  async setMicrophone(on: boolean): Promise<void> {
    // The floor forbids unmuting now: refused, nothing changes (the element shows the lock).
    if (!this.floor.request(on)) return;
    await this.enable('microphone', on);
    this.changed();
  }

  async setCamera(on: boolean): Promise<void> {
    this.cameraWanted = on;
    // In audio-only mode the camera comes back when the mode ends.
    if (!this.audioOnly) await this.enable('camera', on);
    this.changed();
  }

  async setScreenShare(on: boolean): Promise<void> {
    if (!this.audioOnly || !on) await this.enable('screen', on);
    this.changed();
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    const room = this.connectedRoom();
    if (room) {
      this.syncSubscriptions(room);
      if (on) {
        // A weak device or connection: stop sending video at all (unpublish the camera, end the screen share).
        const camera = room.localParticipant.getTrackPublication(this.source('camera'));
        if (camera?.track) await room.localParticipant.unpublishTrack(camera.track, true).catch((error: unknown) => this.note(error));
        await this.enable('screen', false);
      } else if (this.cameraWanted) {
        await this.enable('camera', true);
      }
    }
    this.changed();
  }

  async setBandwidthCap(kbps: number | undefined): Promise<void> {
    this.maxBitrateKbps = bandwidthCap(kbps);
    await this.applyCap();
    this.changed();
  }

  setParticipants(participants: readonly MediaParticipantInfo[]): void {
    this.participants = participants;
    this.changed();
  }

  applyMicrophoneRule(rule: MicrophoneRule): void {
    if (this.floor.apply(rule)) void this.enable('microphone', false);
    this.changed();
  }

  getSnapshot(): MediaSnapshot<MediaStreamTrack> {
    return this.cache.get();
  }

  subscribe(listener: () => void): () => void {
    return this.cache.subscribe(listener);
  }

  /** The room, its participants (with the meeting's names) and the join's milestones, for the console and test reports. */
  diagnostics(): Record<string, unknown> {
    const room = this.room;
    const names = new Map(this.participants.map((p) => [p.participantId, p.name]));
    return {
      room: room?.name,
      state: room?.state,
      e2ee: room?.isE2EEEnabled,
      canPublish: this.canPublish(),
      milestones: this.milestones,
      lastFailure: this.lastFailure,
      remotes: room
        ? [...room.remoteParticipants.values()].map((p) => ({
            identity: p.identity,
            name: names.get(p.identity) ?? p.name,
            tracks: [...p.trackPublications.values()].map((t) => `${t.source}${t.isMuted ? ' muted' : ''}${t.isSubscribed ? ' subscribed' : ''}`),
          }))
        : [],
    };
  }

  // ---- joining ---------------------------------------------------------------------------------

  /** Makes a room, connects it with the token, then publishes what the member wants; retries later when LiveKit cannot be reached. */
  private async start(join: MediaJoin, retryMs: number): Promise<void> {
    const epoch = ++this.epoch;
    const current = () => this.epoch === epoch && this.join === join;
    let room: Room;
    try {
      room = await this.createRoom(this.lk!);
    } catch (error) {
      if (current()) this.stopWith('not-supported', error instanceof Error ? error.message : String(error));
      return;
    }
    if (!current()) return;
    this.room = room;
    this.listen(room);
    try {
      const rtcConfig = this.options.iceServers ? { rtcConfig: { iceServers: [...this.options.iceServers] } } : {};
      await room.connect(this.options.url, join.mediaToken!, { autoSubscribe: false, ...rtcConfig });
    } catch (error) {
      if (!current() || isCancelled(error)) return;
      this.room = undefined;
      void this.closeRoom(room);
      this.base = 'failed';
      this.fail(connectError(error));
      // A refused token stays refused; anything else may pass later.
      if (!isRefused(error)) this.retry(join, retryMs);
      return;
    }
    if (!current()) {
      void this.closeRoom(room);
      return;
    }
    this.mark('connected');
    this.base = 'connected';
    if (this.error?.code === 'server-unreachable') this.error = undefined;
    this.syncSubscriptions(room);
    await this.publishWanted();
    if (!current()) return;
    this.mark('published');
    await this.applyCap();
    this.changed();
  }

  /** A LiveKit room with the adapter's settings, end-to-end encrypted when the options give a key. */
  /** Leaves a room, and ends its E2EE worker. */
  private async closeRoom(room: Room): Promise<void> {
    await room.disconnect().catch((error: unknown) => this.note(error));
    this.workers.get(room)?.terminate();
  }

  private async createRoom(lk: LivekitModule): Promise<Room> {
    const options: RoomOptions = {
      adaptiveStream: true,
      dynacast: true,
      videoCaptureDefaults: { resolution: resolutionOf(this.options.video) },
      audioCaptureDefaults: this.audioCapture(),
      publishDefaults: { simulcast: true },
      stopLocalTrackOnUnpublish: true,
      disconnectOnPageLeave: true,
    };
    const key = this.options.e2eeKey;
    if (!key) return new lk.Room(options);
    if (!lk.isE2EESupported()) throw new Error('end-to-end encryption is not supported by this browser (no encoded transforms)');
    if (!this.options.e2eeWorker) throw new Error('e2eeKey needs e2eeWorker: () => new Worker(new URL(\'livekit-client/e2ee-worker\', import.meta.url))');
    const keyProvider = new lk.ExternalE2EEKeyProvider();
    const worker = this.options.e2eeWorker();
    const room = new lk.Room({ ...options, encryption: { keyProvider, worker } });
    this.workers.set(room, worker);
    await keyProvider.setKey(key);
    await room.setE2EEEnabled(true);
    return room;
  }

  /** LiveKit could not be reached (or left us): say so, and join again later with the same token. */
  private retry(join: MediaJoin, retryMs: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.join === join) void this.start(join, Math.min(retryMs * 2, RETRY_MAX_MS));
    }, retryMs);
  }

  /** Joins again from the start in a new room (the old one's connections are gone), as if the network had come back. */
  private rejoin(reason: string): void {
    const join = this.join;
    const room = this.room;
    if (!join || !room) return;
    this.lastFailure = reason;
    this.room = undefined;
    this.base = 'reconnecting';
    this.changed();
    void this.closeRoom(room).then(() => {
      if (this.join === join) void this.start(join, RETRY_MS);
    });
  }

  private listen(room: Room): void {
    const lk = this.lk!;
    const E = lk.RoomEvent;
    // Events of a room the adapter has left behind (a rejoin, a disconnect) are dropped.
    const mine =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) => {
        if (this.room === room) handler(...args);
      };
    const changed = mine(() => this.changed());
    room
      .on(E.ConnectionStateChanged, changed)
      .on(E.Reconnecting, changed)
      .on(E.SignalReconnecting, changed)
      .on(E.Reconnected, changed)
      .on(E.Disconnected, mine((reason?: number) => this.handleDisconnected(room, reason)))
      .on(E.ParticipantConnected, mine(() => this.syncSubscriptions(room)))
      .on(E.ParticipantDisconnected, changed)
      .on(E.TrackPublished, mine(() => this.syncSubscriptions(room)))
      .on(E.TrackUnpublished, changed)
      .on(E.TrackSubscribed, mine(() => this.tuneVideo(room)))
      .on(E.TrackUnsubscribed, changed)
      .on(E.TrackMuted, changed)
      .on(E.TrackUnmuted, mine(() => void this.applyCap()))
      .on(E.TrackStreamStateChanged, changed)
      .on(E.LocalTrackPublished, mine(() => void this.applyCap()))
      .on(E.LocalTrackUnpublished, changed)
      .on(E.ConnectionQualityChanged, changed)
      .on(E.ActiveSpeakersChanged, mine((speakers: { identity: string }[]) => this.handleSpeakers(room, speakers)))
      .on(E.ParticipantPermissionsChanged, mine((_previous: unknown, participant: { identity: string }) => {
        if (participant === room.localParticipant) void this.handlePermissions();
      }))
      .on(E.EncryptionError, mine((error: Error) => this.note(error)));
  }

  /** LiveKit gave up reconnecting, or the server let us go: join again unless it was final. */
  private handleDisconnected(room: Room, reason: number | undefined): void {
    const join = this.join;
    if (!join) return;
    this.room = undefined;
    this.workers.get(room)?.terminate();
    this.base = 'failed';
    this.fail({ code: 'server-unreachable', detail: `LiveKit disconnected (reason ${reason ?? 'unknown'})` });
    if (reason === undefined || !FINAL_DISCONNECTS.has(reason)) this.retry(join, RETRY_MS);
  }

  private handleSpeakers(room: Room, speakers: readonly { identity: string }[]): void {
    const loudest = speakers.find((p) => p.identity !== room.localParticipant.identity);
    if (loudest && loudest.identity !== this.lastSpeaker) {
      this.lastSpeaker = loudest.identity;
      this.tuneVideo(room);
    }
    this.changed();
  }

  /** The token's permissions changed (the meeting server followed the floor): publish now, or say why not. */
  private async handlePermissions(): Promise<void> {
    if (this.canPublish()) {
      if (this.error?.code === 'publish-refused') this.error = undefined;
      await this.publishWanted();
    } else if (this.floor.wanted || (this.cameraWanted && !this.audioOnly)) {
      // LiveKit unpublishes what was sent; the element says the member may publish again when given the floor.
      this.fail({ code: 'publish-refused', detail: 'LiveKit permission: canPublish false' });
    }
    this.changed();
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  /** Subscribes to every remote audio, and to video unless in audio-only mode. */
  private syncSubscriptions(room: Room): void {
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        const want = publication.kind === 'audio' || !this.audioOnly;
        if (this.subscribed.get(publication) === want) continue;
        this.subscribed.set(publication, want);
        publication.setSubscribed(want);
      }
    }
    this.tuneVideo(room);
    this.changed();
  }

  /** Keeps each subscribed video on and asks the SFU for its tile's size: the last speaker and screens large, others small. */
  private tuneVideo(room: Room): void {
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.videoTrackPublications.values()) {
        if (!publication.isSubscribed || !publication.track) continue;
        const large = publication.source === this.source('screen') || participant.identity === this.lastSpeaker;
        publication.setEnabled(true);
        publication.setVideoDimensions(large ? (this.options.largeTile ?? LARGE_TILE) : (this.options.smallTile ?? SMALL_TILE));
      }
    }
    this.changed();
  }

  // ---- local media -----------------------------------------------------------------------------

  private source(source: Source): Track.Source {
    const sources = this.lk!.Track.Source;
    return source === 'microphone' ? sources.Microphone : source === 'camera' ? sources.Camera : sources.ScreenShare;
  }

  private connectedRoom(): Room | undefined {
    return this.base === 'connected' && this.lk ? this.room : undefined;
  }

  /** Whether the token (as LiveKit last updated it) lets this member publish. */
  private canPublish(): boolean {
    return this.room?.localParticipant.permissions?.canPublish ?? true;
  }

  /** Publishes the microphone and camera as the member wants them; says so when the token forbids it. */
  private async publishWanted(): Promise<void> {
    if (!this.connectedRoom()) return;
    await this.enable('microphone', this.floor.wanted);
    await this.enable('camera', this.cameraWanted && !this.audioOnly);
  }

  /**
   * Switches one of the member's sources on or off through LiveKit (which
   * captures, publishes, mutes and unmutes); a failure lands in the snapshot
   * with its code. Off is a mute for the microphone and camera (the camera's
   * light goes off: LiveKit stops its capture), and the end of a screen share.
   */
  private async enable(source: Source, on: boolean): Promise<void> {
    const room = this.connectedRoom();
    if (!room) return;
    const participant: LocalParticipant = room.localParticipant;
    if (on && !this.canPublish()) {
      this.fail({ code: 'publish-refused', detail: `the LiveKit token does not allow publishing the ${source} (a delegate without the floor, a guest)` });
      return;
    }
    try {
      if (source === 'microphone') await participant.setMicrophoneEnabled(on, this.audioCapture());
      else if (source === 'camera') await participant.setCameraEnabled(on, this.videoCapture());
      else await participant.setScreenShareEnabled(on, { audio: false, video: true, resolution: { width: 1920, height: 1080, frameRate: 5 } });
      if (on) this.clearPublishError();
    } catch (error) {
      if (this.room === room) this.fail(publishError(error));
    }
    this.changed();
  }

  private audioCapture(): AudioCaptureOptions {
    const audio = { ...DEFAULT_AUDIO, ...this.options.audio };
    const deviceId = this.join?.microphoneId;
    return {
      // The DOM's echoCancellation may be a mode name ('all'); LiveKit takes on or off.
      echoCancellation: typeof audio.echoCancellation === 'boolean' ? audio.echoCancellation : audio.echoCancellation !== 'none',
      noiseSuppression: audio.noiseSuppression,
      autoGainControl: audio.autoGainControl,
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    };
  }

  private videoCapture(): VideoCaptureOptions {
    const deviceId = this.join?.cameraId;
    return { resolution: resolutionOf(this.options.video), ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
  }

  /** Caps (or gives back) the `maxBitrate` of every encoding of the member's video senders (camera and screen). */
  private async applyCap(): Promise<void> {
    const room = this.connectedRoom();
    if (!room) return;
    const cap = videoCapBps(this.maxBitrateKbps);
    for (const publication of room.localParticipant.videoTrackPublications.values()) {
      const sender = publication.track?.sender;
      const params = sender?.getParameters();
      if (!sender || !params?.encodings?.length) continue;
      const current = params.encodings.map((e) => e.maxBitrate);
      let own = this.ownBitrates.get(sender);
      if (cap === undefined && !own) continue;
      if (!own || own.length !== current.length) own = current;
      // A value that is not what the cap made of LiveKit's is LiveKit's own again (it restarted the camera).
      else if (cap !== undefined) own = own.map((b, i) => (current[i] === Math.min(b ?? Infinity, cap) ? b : current[i]));
      const target = cappedBitrates(own, cap);
      if (cap === undefined) this.ownBitrates.delete(sender);
      else this.ownBitrates.set(sender, own);
      if (target.every((b, i) => b === current[i])) continue;
      params.encodings.forEach((encoding, i) => {
        if (target[i] === undefined) delete encoding.maxBitrate;
        else encoding.maxBitrate = target[i];
      });
      await sender.setParameters(params).catch((error: unknown) => this.note(error));
    }
  }

  // ---- the periodic check ----------------------------------------------------------------------

  /**
   * Every second: a connection closed under LiveKit (which only notices ICE
   * failures, not a closed PeerConnection) makes the adapter join again; and
   * the bandwidth cap is applied again where LiveKit reset its encodings.
   */
  private async check(): Promise<void> {
    const room = this.connectedRoom();
    if (!room || room.state !== 'connected') return;
    const transports: (RTCDtlsTransport | null | undefined)[] = [];
    for (const publication of room.localParticipant.trackPublications.values()) transports.push(publication.track?.sender?.transport);
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) transports.push(publication.track?.receiver?.transport);
    }
    if (transports.some((transport) => transport?.state === 'closed')) {
      this.rejoin('a PeerConnection was closed under LiveKit');
      return;
    }
    if (this.maxBitrateKbps !== undefined) await this.applyCap();
  }

  // ---- snapshot --------------------------------------------------------------------------------

  private compute(): MediaSnapshot<MediaStreamTrack> {
    const room = this.lk ? this.room : undefined;
    const local = room?.localParticipant;
    const publication = (source: Source) => local?.getTrackPublication(this.source(source));
    const microphone = publication('microphone');
    const camera = publication('camera');
    const microphoneOn = !!microphone?.track && !microphone.isMuted;
    const cameraOn = !!camera?.track && !camera.isMuted;
    const localMedia: LocalMedia<MediaStreamTrack> = {
      microphoneOn,
      cameraOn,
      screenOn: !!publication('screen')?.track,
      audioOnly: this.audioOnly,
      ...(this.maxBitrateKbps === undefined ? {} : { maxBitrateKbps: this.maxBitrateKbps }),
      microphoneLocked: this.floor.locked,
      ...(cameraOn && camera?.track ? { video: camera.track.mediaStreamTrack } : {}),
      speaking: microphoneOn && !!local?.isSpeaking,
    };
    const order = new Map(this.participants.map((p, i) => [p.participantId, i]));
    // Only the meeting's participants are shown: a recorder or an agent in the room has no tile.
    const known = (identity: string) => order.size === 0 || order.has(identity);
    const remotes = room
      ? [...room.remoteParticipants.values()]
          .filter((p) => known(p.identity))
          .sort((a, b) => (order.get(a.identity) ?? Infinity) - (order.get(b.identity) ?? Infinity))
          .map((p) => this.remote(p))
      : [];
    const status = this.base === 'connected' && room ? statusOf(room.state) : this.base;
    return { status, local: localMedia, remotes, ...(this.error ? { error: this.error } : {}) };
  }

  private remote(participant: RemoteParticipant): RemoteMedia<MediaStreamTrack> {
    const publication = (source: Source) => participant.getTrackPublication(this.source(source));
    const microphone = publication('microphone');
    const camera = publication('camera');
    const screen = publication('screen');
    const track = (p: typeof camera) => (p?.isSubscribed && !p.isMuted ? p.track?.mediaStreamTrack : undefined);
    const audio = microphone?.isSubscribed ? microphone.track?.mediaStreamTrack : undefined;
    const video = this.audioOnly ? undefined : track(camera);
    const screenTrack = this.audioOnly ? undefined : track(screen);
    return {
      participantId: participant.identity,
      ...(audio ? { audio } : {}),
      ...(video ? { video } : {}),
      ...(screenTrack ? { screen: screenTrack } : {}),
      microphoneOn: !!microphone && !microphone.isMuted,
      cameraOn: !!camera && !camera.isMuted,
      speaking: participant.isSpeaking,
      quality: qualityOf(participant.connectionQuality),
    };
  }

  // ---- errors and notification -----------------------------------------------------------------

  /** Stops before connecting, with the reason. */
  private stopWith(code: MediaErrorCode, detail: string): void {
    this.base = 'failed';
    this.fail({ code, detail });
  }

  private fail(error: MediaError): void {
    this.error = error;
    this.lastFailure = error.detail;
    this.changed();
  }

  private note(error: unknown): void {
    this.lastFailure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }

  /** A source published: a device or permission failure from before is over. */
  private clearPublishError(): void {
    if (isDeviceError(this.error) || this.error?.code === 'publish-refused') this.error = undefined;
  }

  private mark(step: string): void {
    this.milestones[step] ??= Math.round(performance.now() - this.connectAt);
  }

  private changed(): void {
    this.cache.changed();
  }
}
