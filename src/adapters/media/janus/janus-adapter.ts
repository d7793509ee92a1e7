import type {
  LocalMedia,
  MediaAdapter,
  MediaError,
  MediaJoin,
  MediaParticipantInfo,
  MediaSnapshot,
  MediaStatus,
  MicrophoneRule,
  RemoteMedia,
} from '../../../core/media.js';
import { bandwidthCap, videoKbps } from '../shared/bitrate.js';
import { isDeviceError, openDevices, openScreen } from '../shared/local-media.js';
import { LocalTracks, type LocalKind } from '../shared/local-tracks.js';
import { MicrophoneFloor } from '../shared/microphone-floor.js';
import { SnapshotCache } from '../shared/snapshot-cache.js';
import { JanusError, type PluginData } from './janus-api.js';
import { joinRoom, readPublishers, VIDEOROOM } from './room.js';
import { Indicators, type RemoteSource } from './indicators.js';
import { isDown, Recovery } from './recovery.js';
import { JanusSession, SESSION_TIMINGS, type SessionState, type SessionTimings } from './janus-session.js';
import { encodeDisplay, roomIdFor } from './feed-info.js';
import { Publisher, type PublisherHost } from './publisher.js';
import { RoomFeeds, type Feed } from './room-feeds.js';
import { Subscription, type SubscriptionHost } from './subscription.js';

/** Options of the Janus adapter. */
export interface JanusAdapterOptions {
  /** Janus's WebSocket API, e.g. `wss://media.example.vn/janus` (subprotocol `janus-protocol`). */
  readonly url: string;
  /** The VideoRoom room of a meeting; by default a 52-bit hash of the meeting id (`roomIdFor`), the same in every browser. */
  readonly roomFor?: (meetingId: string) => number;
  /** Create the room when it does not exist (default true); false when your backend creates rooms (VideoRoom `admin_key`). */
  readonly createRoom?: boolean;
  /** More settings of a room this adapter creates (VideoRoom `create`: `publishers`, `bitrate`, `admin_key`, `pin`…). */
  readonly room?: Readonly<Record<string, unknown>>;
  /** STUN/TURN servers for the browser; Janus has its own (janus.jcfg `nat`). */
  readonly iceServers?: readonly RTCIceServer[];
  /** Camera constraints (640x480 at 20 fps by default); the chosen device is added. */
  readonly video?: MediaTrackConstraints;
  /** Microphone constraints (echo cancellation and noise suppression by default). */
  readonly audio?: MediaTrackConstraints;
  /** Interval of the recovery check, in ms (1 s). */
  readonly checkIntervalMs?: number;
  /** Interval of the quality reading, in ms (2 s). */
  readonly statsIntervalMs?: number;
  /** Interval of the speaking indicator's sampling, in ms (250 ms). */
  readonly speakingIntervalMs?: number;
  /** Session keepalive and reconnection timings. */
  readonly session?: Partial<SessionTimings>;
}

/** Wait between attempts to reach Janus again, doubling up to the maximum. */
const RETRY_MS = 1_000;
const RETRY_MAX_MS = 10_000;

/**
 * The Janus media adapter: Janus's VideoRoom plugin over its WebSocket API
 * (see docs/media-janus.md for running Janus). Each member joins the
 * meeting's room as a publisher (its display carries the meeting participant
 * id, the name and the microphone and camera state, feed-info.ts), publishes
 * microphone and camera on one PeerConnection, a screen share on a second
 * publisher handle, and receives everyone else on one multistream
 * subscription (subscription.ts explains why one). Janus is its own
 * signalling: the meeting server is not involved.
 */
export class JanusAdapter implements MediaAdapter<MediaStreamTrack> {
  readonly name = 'janus';
  private readonly options: JanusAdapterOptions;
  private join?: MediaJoin;
  /** Bumped by every (re)start and disconnect: work of an older one stops where it is. */
  private epoch = 0;
  private base: MediaStatus = 'idle';
  private error?: MediaError;
  private session?: JanusSession;
  private sessionState: SessionState = 'open';
  private room = 0;
  private main?: Publisher;
  private screenPublisher?: Publisher;
  private subscription?: Subscription;
  private readonly feeds = new RoomFeeds();
  private participants: readonly MediaParticipantInfo[] = [];
  private readonly tracks: LocalTracks;
  private devicesReady?: Promise<void>;
  private readonly floor = new MicrophoneFloor();
  private cameraWanted = true;
  private audioOnly = false;
  private maxBitrateKbps?: number;
  private sentDisplay?: string;
  private announcing = false;
  private readonly recovery = new Recovery<Publisher | Subscription>();
  private resubscribing = false;
  private readonly indicators = new Indicators();
  private readonly cache = new SnapshotCache(() => this.compute());
  private timers: ReturnType<typeof setInterval>[] = [];
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly publisherHost: PublisherHost;
  private readonly subscriptionHost: SubscriptionHost;
  /** When each step of the last join happened (ms since `connect`), for diagnostics and the join benchmark. */
  private milestones: Record<string, number> = {};
  /** The last request of the subscription Janus refused, for diagnostics. */
  private lastFailure?: string;
  private connectAt = 0;

  constructor(options: JanusAdapterOptions) {
    this.options = options;
    this.tracks = new LocalTracks(options, (kind) => this.trackEnded(kind));
    const iceServers = options.iceServers ?? [];
    this.publisherHost = {
      iceServers,
      changed: () => {
        if (this.main?.connected) this.mark('publisherConnected');
        this.changed();
      },
      hungUp: () => this.changed(),
    };
    this.subscriptionHost = {
      iceServers,
      changed: () => {
        const pc = this.subscription?.pc;
        if (pc?.remoteDescription) this.mark('subscriberOffer');
        if (pc?.signalingState === 'stable' && pc.localDescription) this.mark('subscriberAnswered');
        if (pc?.iceConnectionState === 'connected' || pc?.iceConnectionState === 'completed') this.mark('subscriberIce');
        if (this.subscription?.connected) this.mark('subscriberConnected');
        this.changed();
      },
      hungUp: () => this.changed(),
      failed: (error) => this.noteFailure(error),
    };
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
    this.connectAt = performance.now();
    this.milestones = {};
    this.room = (this.options.roomFor ?? roomIdFor)(join.meetingId);
    this.base = 'connecting';
    this.error = undefined;
    this.floor.start(join.microphoneOff);
    this.cameraWanted = !join.cameraOff;
    this.audioOnly = join.audioOnly ?? false;
    this.changed();
    // The devices open while the session, the handles and the room are set up.
    this.devicesReady = this.openLocalDevices(join);
    this.startTimers();
    globalThis.addEventListener?.('pagehide', this.handlePageHide);
    await this.start(join, RETRY_MS);
  }

  async disconnect(): Promise<void> {
    this.join = undefined;
    this.epoch += 1;
    clearTimeout(this.retryTimer);
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    globalThis.removeEventListener?.('pagehide', this.handlePageHide);
    await this.teardown();
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
      await this.main?.setTrack('audio', this.tracks.microphone ?? null);
    }
    if (this.tracks.microphone) this.tracks.microphone.enabled = this.floor.wanted;
    this.announce();
    this.changed();
  }

  async setCamera(on: boolean): Promise<void> {
    this.cameraWanted = on;
    if (!on) this.tracks.set('camera', undefined);
    else await this.openCamera();
    await this.main?.setTrack('video', this.sentCamera());
    this.announce();
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
    await this.syncScreenPublisher();
    this.changed();
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    // A weak device or connection: the camera stops too, and opens again when video comes back.
    if (on) this.tracks.set('camera', undefined);
    else if (this.cameraWanted) await this.openCamera();
    await this.main?.setTrack('video', this.sentCamera());
    await this.syncScreenPublisher();
    this.updateSubscription();
    this.announce();
    this.changed();
  }

  async setBandwidthCap(kbps: number | undefined): Promise<void> {
    this.maxBitrateKbps = bandwidthCap(kbps);
    await this.applyBitrate();
    this.changed();
  }

  setParticipants(participants: readonly MediaParticipantInfo[]): void {
    this.participants = participants;
    this.changed();
  }

  applyMicrophoneRule(rule: MicrophoneRule): void {
    if (this.floor.apply(rule)) {
      if (this.tracks.microphone) this.tracks.microphone.enabled = false;
      this.announce();
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
    return {
      room: this.room,
      milestones: this.milestones,
      session: this.session ? { id: this.session.id, state: this.session.state } : undefined,
      main: this.main?.describe(),
      screen: this.screenPublisher?.describe(),
      subscription: this.subscription?.describe(),
      feeds: this.feeds.signature(),
      lastFailure: this.lastFailure,
      levels: this.indicators.describe(),
    };
  }

  /** The tab closes or navigates away: leave Janus now rather than when the session times out. */
  private readonly handlePageHide = (): void => {
    this.session?.abandon();
  };

  // ---- joining ---------------------------------------------------------------------------------

  /** Creates a session, joins the room, subscribes and publishes; retries later when Janus cannot be reached. */
  private async start(join: MediaJoin, retryMs: number): Promise<void> {
    const epoch = ++this.epoch;
    const current = () => this.epoch === epoch && this.join === join;
    let session: JanusSession;
    try {
      session = await JanusSession.create(this.options.url, { ...SESSION_TIMINGS, ...this.options.session });
    } catch (error) {
      if (!current()) return;
      this.unreachable(join, error, retryMs);
      return;
    }
    if (!current()) {
      void session.destroy();
      return;
    }
    this.mark('session');
    this.session = session;
    this.sessionState = 'open';
    session.onState((state) => this.handleSessionState(session, state));
    try {
      const [publisherHandle, subscriberHandle] = await Promise.all([session.attach(VIDEOROOM), session.attach(VIDEOROOM)]);
      if (!current()) return;
      this.mark('attached');
      const main = new Publisher(publisherHandle, ['audio', 'video'], this.publisherHost, (data) => this.handleRoomEvent(data));
      this.main = main;
      // What Janus has now is what was sent, even if the devices opened meanwhile (announce sends the difference).
      const display = this.display(false);
      const joined = await joinRoom(main, { room: this.room, display, create: this.options.createRoom !== false, settings: this.options.room, description: `meeting ${join.meetingId}` });
      if (!current()) return;
      this.mark('joined');
      this.sentDisplay = display;
      this.feeds.reset(joined.publishers);
      this.subscription = new Subscription(subscriberHandle, this.room, main.privateId, this.subscriptionHost);
      this.updateSubscription();
      await this.devicesReady;
      if (!current()) return;
      this.mark('devices');
      await this.publishMain(main);
      if (!current()) return;
      this.mark('published');
      this.base = 'connected';
      if (this.error?.code === 'server-unreachable' || this.error?.code === 'publish-refused') this.error = undefined;
      this.announce();
      await this.syncScreenPublisher();
      await this.applyBitrate();
    } catch (error) {
      if (!current()) return;
      if (error instanceof JanusError && error.code !== 0) {
        // Janus answered, and refused: the room is full, closed to us, or missing and not ours to create.
        this.base = 'connected';
        this.fail({ code: 'publish-refused', detail: `${error.code}: ${error.message}` });
      } else {
        this.unreachable(join, error, retryMs);
      }
    }
    this.changed();
  }

  private noteFailure(error: unknown): void {
    this.lastFailure = error instanceof Error ? error.message : String(error);
  }

  private mark(step: string): void {
    this.milestones[step] ??= Math.round(performance.now() - this.connectAt);
  }

  /** Janus could not be reached: say so, and try again later. */
  private unreachable(join: MediaJoin, error: unknown, retryMs: number): void {
    void this.teardown();
    this.base = 'failed';
    this.fail({ code: 'server-unreachable', detail: error instanceof Error ? error.message : String(error) });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.join === join) void this.start(join, Math.min(retryMs * 2, RETRY_MAX_MS));
    }, retryMs);
  }

  private async publishMain(main: Publisher): Promise<void> {
    const video = this.videoKbps();
    await main.publish({ audio: this.tracks.microphone ?? null, video: this.sentCamera() }, video ? { bitrate: video * 1000 } : {});
    if (this.tracks.microphone) this.tracks.microphone.enabled = this.floor.wanted;
  }

  /** Closes everything of the current session (not the devices). */
  private async teardown(): Promise<void> {
    const session = this.session;
    const closing = [this.main?.close(), this.screenPublisher?.close(), this.subscription?.close()];
    this.session = undefined;
    this.main = undefined;
    this.screenPublisher = undefined;
    this.subscription = undefined;
    this.recovery.clear();
    this.sentDisplay = undefined;
    this.feeds.reset([]);
    await Promise.all(closing.map((p) => p?.catch(() => {})));
    await session?.destroy();
  }

  /** The session's WebSocket dropped, came back, or the session is gone. */
  private handleSessionState(session: JanusSession, state: SessionState): void {
    if (session !== this.session) return;
    this.sessionState = state;
    if (state === 'open') void this.resync();
    if (state === 'lost' && this.join) {
      // Janus no longer knows this session: join again from the start (the devices stay open).
      const join = this.join;
      void this.teardown().then(() => {
        if (this.join === join) void this.start(join, RETRY_MS);
      });
    }
    this.changed();
  }

  /**
   * After the session was claimed back: events sent while the socket was down
   * are lost, so the display is sent again and the room's publishers are read
   * afresh; when they changed, the subscription (which may have missed an
   * offer) is built anew.
   */
  private async resync(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.sentDisplay = undefined;
    this.announce();
    try {
      const publishers = await readPublishers(session, this.room);
      const fresh = new RoomFeeds();
      fresh.reset(publishers);
      if (fresh.signature() !== this.feeds.signature()) {
        this.feeds.reset(publishers);
        await this.resubscribe();
      }
    } catch (error) {
      // The periodic check repairs what is still broken.
      this.noteFailure(error);
    }
    this.changed();
  }

  // ---- room events and the subscription --------------------------------------------------------

  private handleRoomEvent(data: PluginData): void {
    if (this.feeds.apply(data)) {
      this.updateSubscription();
      this.changed();
    }
  }

  private updateSubscription(): void {
    const me = this.join?.participantId;
    if (!me || !this.subscription) return;
    this.subscription.want(this.feeds.wanted(me, this.audioOnly));
  }

  /** A new subscriber handle and PeerConnection for everything (the old one was closed, or missed offers). */
  private async resubscribe(): Promise<void> {
    const session = this.session;
    const main = this.main;
    if (!session || !main || this.resubscribing) return;
    this.resubscribing = true;
    const old = this.subscription;
    if (old) this.recovery.forget(old);
    this.subscription = undefined;
    void old?.close().catch(() => {});
    try {
      const handle = await session.attach(VIDEOROOM);
      if (this.session !== session) return;
      this.subscription = new Subscription(handle, this.room, main.privateId, this.subscriptionHost);
      this.updateSubscription();
    } finally {
      // Without a subscription, the next check tries again.
      this.resubscribing = false;
    }
  }

  // ---- local media -----------------------------------------------------------------------------

  /** The display this member's publisher carries (the screen share's says `screen`). */
  private display(screen: boolean): string {
    const join = this.join;
    return encodeDisplay({
      participantId: join?.participantId ?? '',
      name: join?.name ?? '',
      microphoneOn: screen ? false : this.microphoneOn,
      cameraOn: screen ? !!this.tracks.screen : !!this.sentCamera(),
      screen,
    });
  }

  /** Tells the room this member's microphone and camera state (a `configure` with the new display), one at a time. */
  private announce(): void {
    const main = this.main;
    if (!main?.feedId || this.announcing) return;
    const display = this.display(false);
    if (display === this.sentDisplay) return;
    this.announcing = true;
    this.sentDisplay = display;
    void main
      .configure({ display })
      .catch(() => {
        this.sentDisplay = undefined;
      })
      .finally(() => {
        this.announcing = false;
        if (this.main === main && this.display(false) !== this.sentDisplay) this.announce();
      });
  }

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

  /** Starts or stops the screen share's own publisher handle to match the screen track. */
  private async syncScreenPublisher(): Promise<void> {
    const session = this.session;
    const track = this.tracks.screen && !this.audioOnly ? this.tracks.screen : undefined;
    if (!track) {
      const publisher = this.screenPublisher;
      this.screenPublisher = undefined;
      if (publisher) this.recovery.forget(publisher);
      await publisher?.close().catch(() => {});
      return;
    }
    if (this.screenPublisher || !session || this.base !== 'connected') {
      await this.screenPublisher?.setTrack('video', track);
      return;
    }
    try {
      const publisher = new Publisher(await session.attach(VIDEOROOM), ['video'], this.publisherHost);
      this.screenPublisher = publisher;
      await publisher.join(this.room, this.display(true));
      await publisher.publish({ video: track });
    } catch (error) {
      this.fail({ code: 'publish-refused', detail: `screen share: ${error instanceof Error ? error.message : String(error)}` });
    }
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
    if (kind === 'camera') void this.main?.setTrack('video', null);
    this.fail({ code: 'no-device', detail: `the ${kind} stopped (unplugged?)` });
    this.announce();
  }

  /** The cap on what this member sends, less the audio, for the camera (kbit/s). */
  private videoKbps(): number | undefined {
    return videoKbps(this.maxBitrateKbps);
  }

  /** Caps the camera locally and by Janus's REMB (`bitrate`; 0 lifts the publisher's own cap back to the room's). */
  private async applyBitrate(): Promise<void> {
    const main = this.main;
    if (!main?.feedId) return;
    const video = this.videoKbps();
    await main.capVideo(video);
    await main.configure({ bitrate: (video ?? 0) * 1000 }).catch(() => {});
  }

  private get microphoneOn(): boolean {
    return this.floor.wanted && !!this.tracks.microphone && this.tracks.microphone.readyState === 'live';
  }

  // ---- checks: recovery, quality, speaking -----------------------------------------------------

  private startTimers(): void {
    this.timers.push(
      setInterval(() => void this.repair(), this.options.checkIntervalMs ?? 1_000),
      setInterval(() => void this.readQuality(), this.options.statsIntervalMs ?? 2_000),
      setInterval(() => void this.sampleSpeaking(), this.options.speakingIntervalMs ?? 250),
    );
  }

  /** Recovery of the PeerConnections (recovery.ts), about once a second. */
  private async repair(): Promise<void> {
    if (this.base !== 'connected' || this.sessionState !== 'open') return;
    const now = Date.now();
    if (!this.subscription && this.main?.feedId) await this.resubscribe().catch((error: unknown) => this.noteFailure(error));
    for (const link of [this.main, this.screenPublisher, this.subscription]) {
      const step = link && this.recovery.next(link, now);
      if (step === 'restart-ice') {
        this.fail({ code: 'ice-failed', detail: 'ICE failed; restarting' });
        void link!.restartIce().catch((error: unknown) => this.noteFailure(error));
      } else if (step === 'rebuild') {
        await this.rebuild(link!);
      }
    }
    if (this.error?.code === 'ice-failed' && !this.recovery.active) {
      this.error = undefined;
      this.changed();
    }
  }

  private async rebuild(link: Publisher | Subscription): Promise<void> {
    try {
      if (link === this.subscription) {
        await this.resubscribe();
      } else if (link === this.main) {
        await link.unpublish();
        await this.publishMain(link);
        await this.applyBitrate();
      } else if (link === this.screenPublisher && this.tracks.screen) {
        await link.unpublish();
        await link.publish({ video: this.tracks.screen });
      }
    } catch (error) {
      // Tried again at the next check.
      this.noteFailure(error);
    }
    this.changed();
  }

  /** The receivers of each other participant's camera feed, for the indicators. */
  private sources(): RemoteSource[] {
    const me = this.join?.participantId;
    const subscription = this.subscription;
    if (!me || !subscription) return [];
    return [...this.feeds.byParticipant(me)].map(([participantId, { camera }]) => ({
      participantId,
      ...(camera ? { audio: subscription.receiverOf(camera.id, 'audio'), video: subscription.receiverOf(camera.id, 'video'), audioMid: subscription.midOf(camera.id, 'audio') } : {}),
      microphoneOn: camera?.info.microphoneOn ?? false,
    }));
  }

  private async readQuality(): Promise<void> {
    const subscription = this.subscription;
    if (subscription && (await this.indicators.readQuality(this.sources(), subscription.connected, !!subscription.broken))) this.changed();
  }

  private async sampleSpeaking(): Promise<void> {
    if (!this.join) return;
    const sender = this.main?.connected ? this.main.audioSender : undefined;
    const pc = this.subscription?.connected ? this.subscription.pc : undefined;
    const received = pc ? await pc.getStats().catch(() => undefined) : undefined;
    if (await this.indicators.sampleSpeaking(Date.now(), this.sources(), received, sender, this.microphoneOn)) this.changed();
  }

  // ---- snapshot --------------------------------------------------------------------------------

  private compute(): MediaSnapshot<MediaStreamTrack> {
    const me = this.join?.participantId ?? '';
    const order = new Map(this.participants.map((p, i) => [p.participantId, i]));
    // Someone the meeting knows to be offline is not shown (as the mesh closes their link), though Janus may keep their feed a while.
    const offline = new Set(this.participants.filter((p) => !p.online).map((p) => p.participantId));
    const remotes = [...this.feeds.byParticipant(me)]
      .filter(([participantId, feeds]) => feeds.camera && !offline.has(participantId))
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
      .map(([participantId, feeds]) => this.remote(participantId, feeds.camera!, feeds.screen));
    const local: LocalMedia<MediaStreamTrack> = {
      microphoneOn: this.microphoneOn,
      cameraOn: !!this.tracks.camera,
      screenOn: !!this.tracks.screen,
      audioOnly: this.audioOnly,
      ...(this.maxBitrateKbps === undefined ? {} : { maxBitrateKbps: this.maxBitrateKbps }),
      microphoneLocked: this.floor.locked,
      ...(this.tracks.camera ? { video: this.tracks.camera } : {}),
      // Muted is silent at once, without waiting for the indicator's hold.
      speaking: this.microphoneOn && this.indicators.local,
    };
    const links = [this.main, this.subscription, ...this.recovery.links()];
    const recovering = this.base === 'connected' && (this.sessionState !== 'open' || links.some((link) => link && (isDown(link.pc) || link.broken || this.recovery.repairing(link))));
    return {
      status: recovering ? 'reconnecting' : this.base,
      local,
      remotes,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private remote(participantId: string, camera: Feed, screen: Feed | undefined): RemoteMedia<MediaStreamTrack> {
    const subscription = this.subscription;
    const audio = subscription?.track(camera.id, 'audio');
    const video = camera.info.cameraOn && !this.audioOnly ? subscription?.track(camera.id, 'video') : undefined;
    const screenTrack = screen && screen.info.cameraOn && !this.audioOnly ? subscription?.track(screen.id, 'video') : undefined;
    return {
      participantId,
      ...(audio ? { audio } : {}),
      ...(video ? { video } : {}),
      ...(screenTrack ? { screen: screenTrack } : {}),
      microphoneOn: camera.info.microphoneOn,
      cameraOn: camera.info.cameraOn,
      speaking: camera.info.microphoneOn && this.indicators.speakingOf(participantId),
      quality: this.indicators.qualityOf(participantId),
    };
  }

  private fail(error: MediaError): void {
    this.error = error;
    this.changed();
  }

  private clearDeviceError(): void {
    if (isDeviceError(this.error)) this.error = undefined;
  }

  private changed(): void {
    this.cache.changed();
  }
}
