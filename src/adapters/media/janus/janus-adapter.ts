import type {
  ConnectionQuality,
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
import { openDevices, openScreen } from '../mesh/local-media.js';
import { linkQuality, receiverLevel, senderLevel, SPEAKING_HOLD_MS, SPEAKING_LEVEL, type LinkCounters } from '../mesh/stats.js';
import { JanusError, type PluginData } from './janus-api.js';
import { isDown } from './link-state.js';
import { JanusSession, SESSION_TIMINGS, type JanusHandle, type SessionState, type SessionTimings } from './janus-session.js';
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

const VIDEOROOM = 'janus.plugin.videoroom';
/** VideoRoom error 426: no such room. */
const NO_SUCH_ROOM = 426;
const DEFAULT_VIDEO: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 20, max: 30 } };
const DEFAULT_AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
/**
 * A room this adapter creates: up to 100 publishers (a chi bộ meeting with
 * guests and bridge points stays far below), Opus and VP8 (every browser
 * decodes them in software), the audio-level extension for the speaking
 * indicator, and private (not listed to other clients).
 */
const ROOM_DEFAULTS = { publishers: 100, audiocodec: 'opus', videocodec: 'vp8', audiolevel_ext: true, is_private: true };
/** Kept for audio (Opus speech at 32 kbit/s with headroom) out of a bandwidth cap. */
const AUDIO_KBPS = 40;
const MIN_VIDEO_KBPS = 30;
/** Wait between attempts to reach Janus again, doubling up to the maximum. */
const RETRY_MS = 1_000;
const RETRY_MAX_MS = 10_000;
/** A PeerConnection still failed this long after an ICE restart is built anew. */
const RESTART_GRACE_MS = 4_000;
/** A PeerConnection that has not connected this long after its negotiation started is built anew. */
const STUCK_MS = 10_000;

/** Where one of the adapter's PeerConnections stands in its recovery. */
interface Repair {
  restartedAt: number;
}

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
  private microphone?: MediaStreamTrack;
  private camera?: MediaStreamTrack;
  private screen?: MediaStreamTrack;
  private devicesReady?: Promise<void>;
  private microphoneWanted = true;
  private cameraWanted = true;
  private audioOnly = false;
  private maxBitrateKbps?: number;
  private rule: MicrophoneRule = { forceMute: false, mayUnmute: true };
  private sentDisplay?: string;
  private announcing = false;
  private readonly repairs = new Map<Publisher | Subscription, Repair>();
  private resubscribing = false;
  /** Since when each connection has been waiting to connect. */
  private readonly waiting = new Map<Publisher | Subscription, number>();
  private readonly quality = new Map<string, { quality: ConnectionQuality; counters?: LinkCounters }>();
  private readonly speaking = new Map<string, { loudAt: number; sourceTime: number; on: boolean }>();
  private localLoudAt = 0;
  private localSpeaking = false;
  private readonly listeners = new Set<() => void>();
  private snapshot?: MediaSnapshot<MediaStreamTrack>;
  private notifying = false;
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
    this.microphoneWanted = !join.microphoneOff && !this.rule.forceMute;
    this.cameraWanted = !join.cameraOff;
    this.audioOnly = join.audioOnly ?? false;
    this.changed();
    // The devices open while the session, the handles and the room are set up.
    this.devicesReady = this.openLocalDevices(join);
    this.startTimers();
    await this.start(join, RETRY_MS);
  }

  async disconnect(): Promise<void> {
    this.join = undefined;
    this.epoch += 1;
    clearTimeout(this.retryTimer);
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await this.teardown();
    this.setMicrophoneTrack(undefined);
    this.setCameraTrack(undefined);
    this.setScreenTrack(undefined);
    this.base = 'closed';
    this.changed();
  }

  async setMicrophone(on: boolean): Promise<void> {
    // The floor forbids unmuting now: refused, nothing changes (the element shows the lock).
    if (on && !this.rule.mayUnmute) return;
    this.microphoneWanted = on;
    if (on && !this.microphone && this.join) {
      const opened = await openDevices(this.audioConstraints(), false);
      if (opened.error) this.fail(opened.error);
      else this.clearDeviceError();
      this.setMicrophoneTrack(opened.microphone);
      await this.main?.setTrack('audio', this.microphone ?? null);
    }
    if (this.microphone) this.microphone.enabled = this.microphoneWanted;
    this.announce();
    this.changed();
  }

  async setCamera(on: boolean): Promise<void> {
    this.cameraWanted = on;
    if (!on) this.setCameraTrack(undefined);
    else await this.openCamera();
    await this.main?.setTrack('video', this.sentCamera());
    this.announce();
    this.changed();
  }

  async setScreenShare(on: boolean): Promise<void> {
    if (!on) {
      this.setScreenTrack(undefined);
    } else if (!this.screen && this.join) {
      const opened = await openScreen();
      if (opened.error) this.fail(opened.error);
      this.setScreenTrack(opened.track);
    }
    await this.syncScreenPublisher();
    this.changed();
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    // A weak device or connection: the camera stops too, and opens again when video comes back.
    if (on) this.setCameraTrack(undefined);
    else if (this.cameraWanted) await this.openCamera();
    await this.main?.setTrack('video', this.sentCamera());
    await this.syncScreenPublisher();
    this.updateSubscription();
    this.announce();
    this.changed();
  }

  async setBandwidthCap(kbps: number | undefined): Promise<void> {
    this.maxBitrateKbps = kbps === undefined || !(kbps > 0) ? undefined : kbps;
    await this.applyBitrate();
    this.changed();
  }

  setParticipants(participants: readonly MediaParticipantInfo[]): void {
    this.participants = participants;
    this.changed();
  }

  applyMicrophoneRule(rule: MicrophoneRule): void {
    // Edge-triggered: the floor mutes once when given; with a policy that lets members unmute, a later state update must not mute again.
    const newlyForced = rule.forceMute && !this.rule.forceMute;
    this.rule = rule;
    if (newlyForced) {
      this.microphoneWanted = false;
      if (this.microphone) this.microphone.enabled = false;
      this.announce();
    }
    this.changed();
  }

  getSnapshot(): MediaSnapshot<MediaStreamTrack> {
    this.snapshot ??= this.compute();
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    };
  }

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
      const joined = await this.joinRoom(main, display);
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

  /** Joins the room as a publisher; creates the room first when it is missing and the options allow it. */
  private async joinRoom(main: Publisher, display: string): Promise<PluginData> {
    try {
      return await main.join(this.room, display);
    } catch (error) {
      if (!(error instanceof JanusError) || error.code !== NO_SUCH_ROOM || this.options.createRoom === false) throw error;
    }
    try {
      await main.handle.message({ request: 'create', ...ROOM_DEFAULTS, ...this.options.room, room: this.room, description: `meeting ${this.join?.meetingId ?? ''}`.slice(0, 100) });
    } catch (error) {
      // Another member created it a moment before: fine.
      if (!(error instanceof JanusError) || error.code !== 427) throw error;
    }
    return main.join(this.room, display);
  }

  private async publishMain(main: Publisher): Promise<void> {
    const video = this.videoKbps();
    await main.publish({ audio: this.microphone ?? null, video: this.sentCamera() }, video ? { bitrate: video * 1000 } : {});
    if (this.microphone) this.microphone.enabled = this.microphoneWanted;
  }

  /** Closes everything of the current session (not the devices). */
  private async teardown(): Promise<void> {
    const session = this.session;
    const closing = [this.main?.close(), this.screenPublisher?.close(), this.subscription?.close()];
    this.session = undefined;
    this.main = undefined;
    this.screenPublisher = undefined;
    this.subscription = undefined;
    this.repairs.clear();
    this.waiting.clear();
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
   * are lost, so the display is sent again, and the room's publishers are
   * read afresh (a passive join on a handle of its own); when they changed,
   * the subscription (which may have missed an offer) is built anew.
   */
  private async resync(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.sentDisplay = undefined;
    this.announce();
    let probe: JanusHandle | undefined;
    try {
      probe = await session.attach(VIDEOROOM);
      const { data } = await probe.message({ request: 'join', ptype: 'publisher', room: this.room, display: '{"x":1}' });
      const before = this.feeds.signature();
      const fresh = new RoomFeeds();
      fresh.reset(data.publishers);
      if (fresh.signature() !== before) {
        this.feeds.reset(data.publishers);
        await this.resubscribe();
      }
    } catch {
      // The periodic check repairs what is still broken.
    } finally {
      if (probe) await probe.message({ request: 'leave' }).catch(() => {});
      await probe?.detach();
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
    if (old) this.repairs.delete(old);
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
      cameraOn: screen ? !!this.screen : !!this.sentCamera(),
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
    const opened = await openDevices(this.audioConstraints(), this.cameraWanted && !this.audioOnly ? this.videoConstraints() : false);
    if (this.join !== join) {
      opened.microphone?.stop();
      opened.camera?.stop();
      return;
    }
    this.setMicrophoneTrack(opened.microphone);
    this.setCameraTrack(opened.camera);
    if (opened.error) this.fail(opened.error);
  }

  private async openCamera(): Promise<void> {
    if (this.camera || !this.join || this.audioOnly) return;
    const opened = await openDevices(false, this.videoConstraints());
    if (opened.error) this.fail(opened.error);
    else this.clearDeviceError();
    if (this.cameraWanted && !this.audioOnly && this.join) this.setCameraTrack(opened.camera);
    else opened.camera?.stop();
  }

  /** The camera track as sent: none in audio-only mode. */
  private sentCamera(): MediaStreamTrack | null {
    return this.camera && !this.audioOnly ? this.camera : null;
  }

  /** Starts or stops the screen share's own publisher handle to match the screen track. */
  private async syncScreenPublisher(): Promise<void> {
    const session = this.session;
    const track = this.screen && !this.audioOnly ? this.screen : undefined;
    if (!track) {
      const publisher = this.screenPublisher;
      this.screenPublisher = undefined;
      if (publisher) this.repairs.delete(publisher);
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

  private setMicrophoneTrack(track: MediaStreamTrack | undefined): void {
    if (this.microphone && this.microphone !== track) this.microphone.stop();
    this.microphone = track;
    if (!track) return;
    track.enabled = this.microphoneWanted;
    track.addEventListener('ended', () => {
      if (this.microphone !== track) return;
      this.microphone = undefined;
      this.fail({ code: 'no-device', detail: 'the microphone stopped (unplugged?)' });
      this.announce();
    });
  }

  private setCameraTrack(track: MediaStreamTrack | undefined): void {
    if (this.camera && this.camera !== track) this.camera.stop();
    this.camera = track;
    track?.addEventListener('ended', () => {
      if (this.camera !== track) return;
      this.camera = undefined;
      void this.main?.setTrack('video', null);
      this.fail({ code: 'no-device', detail: 'the camera stopped (unplugged?)' });
      this.announce();
    });
  }

  private setScreenTrack(track: MediaStreamTrack | undefined): void {
    if (this.screen && this.screen !== track) this.screen.stop();
    this.screen = track;
    // The browser's own "stop sharing" button ends the track.
    track?.addEventListener('ended', () => {
      if (this.screen === track) void this.setScreenShare(false);
    });
  }

  /** The cap on what this member sends, less the audio, for the camera (kbit/s). */
  private videoKbps(): number | undefined {
    if (this.maxBitrateKbps === undefined) return undefined;
    return Math.max(MIN_VIDEO_KBPS, this.maxBitrateKbps - AUDIO_KBPS);
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
    return this.microphoneWanted && !!this.microphone && this.microphone.readyState === 'live';
  }

  // ---- checks: recovery, quality, speaking -----------------------------------------------------

  private startTimers(): void {
    this.timers.push(
      setInterval(() => void this.repair(), this.options.checkIntervalMs ?? 1_000),
      setInterval(() => void this.readQuality(), this.options.statsIntervalMs ?? 2_000),
      setInterval(() => void this.sampleSpeaking(), this.options.speakingIntervalMs ?? 250),
    );
  }

  /**
   * Recovery of the PeerConnections: one closed under the adapter is built
   * anew (publish again, subscribe again); one whose ICE failed is restarted
   * (the publisher re-offers with `iceRestart`, the subscriber asks Janus for
   * a `restart` offer), and built anew when it is still failed after a while.
   */
  private async repair(): Promise<void> {
    if (this.base !== 'connected' || this.sessionState !== 'open') return;
    const now = Date.now();
    if (!this.subscription && this.main?.feedId) await this.resubscribe().catch((error: unknown) => this.noteFailure(error));
    for (const link of [this.main, this.screenPublisher, this.subscription]) {
      if (!link) continue;
      if (link.connected) {
        this.repairs.delete(link);
        this.waiting.delete(link);
        continue;
      }
      const broken = link.broken ?? (this.stuck(link, now) ? 'closed' : undefined);
      const repair = this.repairs.get(link);
      if (broken === 'failed' && !repair) {
        this.repairs.set(link, { restartedAt: now });
        this.fail({ code: 'ice-failed', detail: 'ICE failed; restarting' });
        void link.restartIce().catch((error: unknown) => this.noteFailure(error));
      } else if (broken === 'closed' || (repair && now - repair.restartedAt >= RESTART_GRACE_MS)) {
        // Closed under the adapter, stuck, or still not connected a while after the last attempt.
        this.repairs.set(link, { restartedAt: now });
        this.waiting.delete(link);
        await this.rebuild(link);
      }
    }
    if (this.error?.code === 'ice-failed' && this.repairs.size === 0) {
      this.error = undefined;
      this.changed();
    }
  }

  /** A connection that has been negotiated but never connected for `STUCK_MS` (an offer or answer lost on the way). */
  private stuck(link: Publisher | Subscription, now: number): boolean {
    if (!link.pc || link.pc.connectionState === 'disconnected') {
      this.waiting.delete(link);
      return false;
    }
    const since = this.waiting.get(link) ?? now;
    this.waiting.set(link, since);
    return now - since >= STUCK_MS;
  }

  private async rebuild(link: Publisher | Subscription): Promise<void> {
    try {
      if (link === this.subscription) {
        await this.resubscribe();
      } else if (link === this.main) {
        await link.unpublish();
        await this.publishMain(link);
        await this.applyBitrate();
      } else if (link === this.screenPublisher && this.screen) {
        await link.unpublish();
        await link.publish({ video: this.screen });
      }
    } catch (error) {
      // Tried again at the next check.
      this.noteFailure(error);
    }
    this.changed();
  }

  private async readQuality(): Promise<void> {
    const subscription = this.subscription;
    const me = this.join?.participantId;
    if (!subscription || !me) return;
    let changed = false;
    for (const [participantId, { camera }] of this.feeds.byParticipant(me)) {
      const receivers = camera ? [subscription.receiverOf(camera.id, 'audio'), subscription.receiverOf(camera.id, 'video')].filter((r) => !!r) : [];
      const previous = this.quality.get(participantId);
      let quality: ConnectionQuality = subscription.broken ? 'lost' : 'unknown';
      let counters = previous?.counters;
      if (receivers.length > 0 && subscription.connected) {
        const merged = new Map<string, unknown>();
        for (const receiver of receivers) for (const [id, stat] of await receiver.getStats()) merged.set(id, stat);
        const reading = linkQuality(merged as unknown as RTCStatsReport, previous?.counters);
        quality = reading.quality;
        counters = reading.counters;
      }
      if (quality !== previous?.quality) changed = true;
      this.quality.set(participantId, { quality, counters });
    }
    if (changed) this.changed();
  }

  private async sampleSpeaking(): Promise<void> {
    const me = this.join?.participantId;
    if (!me) return;
    const now = Date.now();
    let changed = false;
    for (const [participantId, { camera }] of this.feeds.byParticipant(me)) {
      const state = this.speaking.get(participantId) ?? { loudAt: 0, sourceTime: 0, on: false };
      const receiver = camera && camera.info.microphoneOn ? this.subscription?.receiverOf(camera.id, 'audio') : undefined;
      let on = false;
      if (receiver) {
        const { level, timestamp } = receiverLevel(receiver);
        const fresh = timestamp !== state.sourceTime;
        state.sourceTime = timestamp;
        if (fresh && level >= SPEAKING_LEVEL) state.loudAt = now;
        on = now - state.loudAt < SPEAKING_HOLD_MS;
      }
      if (on !== state.on) changed = true;
      state.on = on;
      this.speaking.set(participantId, state);
    }
    const sender = this.main?.connected ? this.main.audioSender : undefined;
    const level = this.microphoneOn && sender ? await senderLevel(sender).catch(() => 0) : 0;
    if (level >= SPEAKING_LEVEL) this.localLoudAt = now;
    const speaking = this.microphoneOn && now - this.localLoudAt < SPEAKING_HOLD_MS;
    if (speaking !== this.localSpeaking || changed) {
      this.localSpeaking = speaking;
      this.changed();
    }
  }

  // ---- snapshot --------------------------------------------------------------------------------

  private compute(): MediaSnapshot<MediaStreamTrack> {
    const me = this.join?.participantId ?? '';
    const order = new Map(this.participants.map((p, i) => [p.participantId, i]));
    const remotes = [...this.feeds.byParticipant(me)]
      .filter(([, feeds]) => feeds.camera)
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
      .map(([participantId, feeds]) => this.remote(participantId, feeds.camera!, feeds.screen));
    const local: LocalMedia<MediaStreamTrack> = {
      microphoneOn: this.microphoneOn,
      cameraOn: !!this.camera,
      screenOn: !!this.screen,
      audioOnly: this.audioOnly,
      ...(this.maxBitrateKbps === undefined ? {} : { maxBitrateKbps: this.maxBitrateKbps }),
      microphoneLocked: !this.rule.mayUnmute,
      ...(this.camera ? { video: this.camera } : {}),
      speaking: this.localSpeaking,
    };
    const links = [this.main, this.subscription, ...this.repairs.keys()];
    const recovering = this.base === 'connected' && (this.sessionState !== 'open' || links.some((link) => link && (isDown(link.pc) || link.broken || (this.repairs.has(link) && !link.connected))));
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
      speaking: this.speaking.get(participantId)?.on ?? false,
      quality: this.quality.get(participantId)?.quality ?? 'unknown',
    };
  }

  private fail(error: MediaError): void {
    this.error = error;
    this.changed();
  }

  private clearDeviceError(): void {
    const code = this.error?.code;
    if (code === 'permission-denied' || code === 'no-device' || code === 'device-busy') this.error = undefined;
  }

  /** Marks the snapshot stale and tells the listeners once, after the current task's changes. */
  private changed(): void {
    this.snapshot = undefined;
    if (this.notifying) return;
    this.notifying = true;
    queueMicrotask(() => {
      this.notifying = false;
      for (const listener of this.listeners) listener();
    });
  }

  private audioConstraints(): MediaTrackConstraints {
    const deviceId = this.join?.microphoneId;
    return { ...DEFAULT_AUDIO, ...this.options.audio, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
  }

  private videoConstraints(): MediaTrackConstraints {
    const deviceId = this.join?.cameraId;
    return { ...(this.options.video ?? DEFAULT_VIDEO), ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
  }
}
