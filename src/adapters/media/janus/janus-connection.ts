import type { MediaError, MediaErrorCode, MediaJoin, MediaParticipantInfo, RemoteMedia } from '../../../core/media.js';
import { roomIdFor } from './feed-info.js';
import { JanusError, type PluginData } from './janus-api.js';
import type { JanusAdapterOptions } from './janus-options.js';
import { JanusSession, SESSION_TIMINGS, type SessionState } from './janus-session.js';
import { Publisher } from './publisher.js';
import { Receiving } from './receiving.js';
import { isDown, Recovery } from './recovery.js';
import { RoomFeeds } from './room-feeds.js';
import { readPublishers, VIDEOROOM } from './room.js';
import { Sending, type LocalState } from './sending.js';
import type { Subscription } from './subscription.js';

/** Wait between attempts to reach Janus again, doubling up to the maximum. */
const RETRY_MS = 1_000;
const RETRY_MAX_MS = 10_000;

/** What the connection needs from the adapter, which owns the devices, the status and the error. */
export interface ConnectionHost {
  /** This member's media now. */
  local(): LocalState;
  /** Resolves when the devices opened at connect are open (the first publish waits for them). */
  devicesReady(): Promise<void> | undefined;
  /** The room is joined (published, or refused by Janus): the adapter's status is `connected`. */
  connected(): boolean;
  /** `connected` once the room is joined, `failed` while Janus cannot be reached. */
  setStatus(status: 'connected' | 'failed'): void;
  /** A failure to show in the snapshot. */
  fail(error: MediaError): void;
  /** Ends the shown error when it has one of these codes (what failed works again); whether it did. */
  clearError(...codes: MediaErrorCode[]): boolean;
  /** Something the snapshot shows changed. */
  changed(): void;
}

/**
 * Everything of one member's join to the meeting's Janus room: the session
 * (its WebSocket, keepalives and reclaiming, janus-session.ts), joining the
 * room, the sending side (sending.ts) and the receiving side (receiving.ts),
 * their recovery (recovery.ts), retries while Janus cannot be reached, and
 * the periodic checks. The adapter owns the devices and the snapshot.
 */
export class JanusConnection {
  private join?: MediaJoin;
  /** Bumped by every (re)start and stop: work of an older one stops where it is. */
  private epoch = 0;
  private session?: JanusSession;
  private sessionState: SessionState = 'open';
  private room = 0;
  private readonly recovery = new Recovery<Publisher | Subscription>();
  private readonly sending: Sending;
  private readonly receiving: Receiving;
  private timers: ReturnType<typeof setInterval>[] = [];
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** When each step of the last join happened (ms since `start`), for diagnostics and the join benchmark. */
  private milestones: Record<string, number> = {};
  /** The last request Janus refused or that failed, for diagnostics. */
  private lastFailure?: string;
  private connectAt = 0;

  constructor(
    private readonly options: JanusAdapterOptions,
    private readonly host: ConnectionHost,
  ) {
    const iceServers = options.iceServers ?? [];
    this.sending = new Sending(
      {
        iceServers,
        changed: () => {
          if (this.main?.connected) this.mark('publisherConnected');
          host.changed();
        },
        hungUp: () => host.changed(),
        local: () => host.local(),
        fail: (error) => host.fail(error),
      },
      this.recovery,
    );
    const subscriptionHost = {
      iceServers,
      changed: () => {
        const pc = this.subscription?.pc;
        if (pc?.remoteDescription) this.mark('subscriberOffer');
        if (pc?.signalingState === 'stable' && pc.localDescription) this.mark('subscriberAnswered');
        if (pc?.iceConnectionState === 'connected' || pc?.iceConnectionState === 'completed') this.mark('subscriberIce');
        if (this.subscription?.connected) this.mark('subscriberConnected');
        host.changed();
      },
      hungUp: () => host.changed(),
      failed: (error: unknown) => this.noteFailure(error),
    };
    this.receiving = new Receiving(subscriptionHost, this.recovery);
  }

  /** Joins the meeting's room; resolves after the first attempt (later ones follow by themselves). */
  async start(join: MediaJoin): Promise<void> {
    this.join = join;
    this.connectAt = performance.now();
    this.milestones = {};
    this.room = (this.options.roomFor ?? roomIdFor)(join.meetingId);
    this.startTimers();
    globalThis.addEventListener?.('pagehide', this.handlePageHide);
    await this.run(join, RETRY_MS);
  }

  /** Leaves the room and closes the session. */
  async stop(): Promise<void> {
    this.join = undefined;
    this.epoch += 1;
    clearTimeout(this.retryTimer);
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    globalThis.removeEventListener?.('pagehide', this.handlePageHide);
    await this.teardown();
  }

  /** Puts a track on the main publisher (none: sends nothing of that kind). */
  async setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    await this.main?.setTrack(kind, track);
  }

  /** Tells the room this member's microphone and camera state, when it changed. */
  announce(): void {
    this.sending.announce();
  }

  /** Starts or stops the screen share's publisher to match the screen track. */
  async syncScreen(): Promise<void> {
    await this.sending.syncScreen(this.session, this.room, this.host.connected());
  }

  /** Applies the member's bandwidth cap to the camera. */
  async applyBitrate(): Promise<void> {
    await this.sending.applyBitrate();
  }

  /** Asks the subscription for what this member receives now (no video in audio-only mode). */
  updateSubscription(): void {
    this.receiving.want(this.join?.participantId, this.host.local().audioOnly);
  }

  /** The remote tiles, in the meeting's order. */
  remotes(participants: readonly MediaParticipantInfo[]): RemoteMedia<MediaStreamTrack>[] {
    return this.receiving.remotes(this.join?.participantId ?? '', participants, this.host.local().audioOnly);
  }

  /** This member is speaking (the indicator, before the microphone's own state). */
  get speaking(): boolean {
    return this.receiving.indicators.local;
  }

  /** The session is down or a PeerConnection is being repaired. */
  get recovering(): boolean {
    const links = [this.main, this.subscription, ...this.recovery.links()];
    return this.sessionState !== 'open' || links.some((link) => link && (isDown(link.pc) || link.broken || this.recovery.repairing(link)));
  }

  /** The session, handles and PeerConnections, for the console and test reports. */
  diagnostics(): Record<string, unknown> {
    return {
      room: this.room,
      milestones: this.milestones,
      session: this.session ? { id: this.session.id, state: this.session.state } : undefined,
      main: this.main?.describe(),
      screen: this.sending.screen?.describe(),
      subscription: this.subscription?.describe(),
      feeds: this.receiving.feeds.signature(),
      lastFailure: this.lastFailure,
      levels: this.receiving.indicators.describe(),
    };
  }

  /** The main publisher of the moment. */
  private get main(): Publisher | undefined {
    return this.sending.main;
  }

  /** The subscription of the moment (replaced by a resubscribe). */
  private get subscription(): Subscription | undefined {
    return this.receiving.subscription;
  }

  /** The tab closes or navigates away: leave Janus now rather than when the session times out. */
  private readonly handlePageHide = (): void => {
    this.session?.abandon();
  };

  // ---- joining ---------------------------------------------------------------------------------

  /** Creates a session, joins the room, subscribes and publishes; retries later when Janus cannot be reached. */
  private async run(join: MediaJoin, retryMs: number): Promise<void> {
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
      const how = { room: this.room, create: this.options.createRoom !== false, settings: this.options.room, description: `meeting ${join.meetingId}` };
      const { main, joined } = await this.sending.joinMain(publisherHandle, how, (data) => this.handleRoomEvent(data));
      if (!current()) return;
      this.mark('joined');
      this.receiving.feeds.reset(joined.publishers);
      this.receiving.open(subscriberHandle, { room: this.room, privateId: main.privateId });
      this.updateSubscription();
      await this.host.devicesReady();
      if (!current()) return;
      this.mark('devices');
      await this.sending.publishMain(main);
      if (!current()) return;
      this.mark('published');
      this.host.setStatus('connected');
      this.host.clearError('server-unreachable', 'publish-refused');
      this.announce();
      await this.syncScreen();
      await this.applyBitrate();
    } catch (error) {
      if (!current()) return;
      if (error instanceof JanusError && error.code !== 0) {
        // Janus answered, and refused: the room is full, closed to us, or missing and not ours to create.
        this.host.setStatus('connected');
        this.host.fail({ code: 'publish-refused', detail: `${error.code}: ${error.message}` });
      } else {
        this.unreachable(join, error, retryMs);
      }
    }
    this.host.changed();
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
    this.host.setStatus('failed');
    this.host.fail({ code: 'server-unreachable', detail: error instanceof Error ? error.message : String(error) });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.join === join) void this.run(join, Math.min(retryMs * 2, RETRY_MAX_MS));
    }, retryMs);
  }

  /** Closes everything of the current session (not the devices). */
  private async teardown(): Promise<void> {
    const session = this.session;
    const closing = [...this.sending.close(), this.receiving.close()];
    this.session = undefined;
    this.recovery.clear();
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
        if (this.join === join) void this.run(join, RETRY_MS);
      });
    }
    this.host.changed();
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
    this.sending.announceAgain();
    try {
      const publishers = await readPublishers(session, this.room);
      const fresh = new RoomFeeds();
      fresh.reset(publishers);
      if (fresh.signature() !== this.receiving.feeds.signature()) {
        this.receiving.feeds.reset(publishers);
        await this.resubscribe();
      }
    } catch (error) {
      // The periodic check repairs what is still broken.
      this.noteFailure(error);
    }
    this.host.changed();
  }

  // ---- room events and the subscription --------------------------------------------------------

  private handleRoomEvent(data: PluginData): void {
    if (this.receiving.handleRoomEvent(data)) {
      this.updateSubscription();
      this.host.changed();
    }
  }

  /** A new subscriber handle and PeerConnection for everything (the old one was closed, or missed offers). */
  private async resubscribe(): Promise<void> {
    const session = this.session;
    const main = this.main;
    if (!session || !main) return;
    const to = { room: this.room, privateId: main.privateId };
    await this.receiving.resubscribe(session, to, () => this.session === session, this.join?.participantId, this.host.local().audioOnly);
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
    if (!this.host.connected() || this.sessionState !== 'open') return;
    const now = Date.now();
    if (!this.subscription && this.main?.feedId) await this.resubscribe().catch((error: unknown) => this.noteFailure(error));
    for (const link of [this.main, this.sending.screen, this.subscription]) {
      const step = link && this.recovery.next(link, now);
      if (step === 'restart-ice') {
        this.host.fail({ code: 'ice-failed', detail: 'ICE failed; restarting' });
        void link!.restartIce().catch((error: unknown) => this.noteFailure(error));
      } else if (step === 'rebuild') {
        await this.rebuild(link!);
      }
    }
    if (!this.recovery.active && this.host.clearError('ice-failed')) this.host.changed();
  }

  private async rebuild(link: Publisher | Subscription): Promise<void> {
    try {
      if (link === this.subscription) await this.resubscribe();
      else if (link instanceof Publisher) await this.sending.republish(link);
    } catch (error) {
      // Tried again at the next check.
      this.noteFailure(error);
    }
    this.host.changed();
  }

  private async readQuality(): Promise<void> {
    if (await this.receiving.readQuality(this.join?.participantId)) this.host.changed();
  }

  private async sampleSpeaking(): Promise<void> {
    if (!this.join) return;
    const sender = this.main?.connected ? this.main.audioSender : undefined;
    if (await this.receiving.sampleSpeaking(this.join.participantId, sender, this.host.local().microphoneOn)) this.host.changed();
  }
}
