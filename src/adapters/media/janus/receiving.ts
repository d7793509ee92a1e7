import type { MediaParticipantInfo, RemoteMedia } from '../../../core/media.js';
import { Indicators, type RemoteSource } from './indicators.js';
import type { PluginData } from './janus-api.js';
import type { JanusHandle, JanusSession } from './janus-session.js';
import type { Publisher } from './publisher.js';
import type { Recovery } from './recovery.js';
import { RoomFeeds, type Feed } from './room-feeds.js';
import { VIDEOROOM } from './room.js';
import { Subscription, type SubscriptionHost } from './subscription.js';

/** Where the subscription joins: the room, and the main publisher's private id (Janus ties the two). */
export interface SubscribeTo {
  readonly room: number;
  readonly privateId: number | undefined;
}

/**
 * What this member receives from the room: the room's publishers (`feeds`),
 * the one multistream subscription to them (subscription.ts says why one),
 * the speaking and quality indicators read from it, and the remote tiles of
 * the snapshot. The adapter owns the session; this side only attaches handles.
 */
export class Receiving {
  subscription?: Subscription;
  readonly feeds = new RoomFeeds();
  readonly indicators = new Indicators();
  private resubscribing = false;

  constructor(
    private readonly host: SubscriptionHost,
    private readonly recovery: Recovery<Publisher | Subscription>,
  ) {}

  /** Subscribes on `handle` once the room is joined. */
  open(handle: JanusHandle, to: SubscribeTo): void {
    this.subscription = new Subscription(handle, to.room, to.privateId, this.host);
  }

  /** Forgets the subscription and the feeds (the session is gone); returns the subscription's closing. */
  close(): Promise<void> | undefined {
    const closing = this.subscription?.close();
    this.subscription = undefined;
    this.feeds.reset([]);
    return closing;
  }

  /** A VideoRoom event of the main publisher's handle: whether the room's publishers changed (the caller then calls `want`). */
  handleRoomEvent(data: PluginData): boolean {
    return this.feeds.apply(data);
  }

  /** Asks the subscription for every other participant's streams (no video in audio-only mode). */
  want(me: string | undefined, audioOnly: boolean): void {
    if (!me || !this.subscription) return;
    this.subscription.want(this.feeds.wanted(me, audioOnly));
  }

  /**
   * A new subscriber handle and PeerConnection for everything (the old one was
   * closed, or missed offers); `current` says whether `session` is still the
   * adapter's once the handle is attached.
   */
  async resubscribe(session: JanusSession, to: SubscribeTo, current: () => boolean, me: string | undefined, audioOnly: boolean): Promise<void> {
    if (this.resubscribing) return;
    this.resubscribing = true;
    const old = this.subscription;
    if (old) this.recovery.forget(old);
    this.subscription = undefined;
    void old?.close().catch(() => {});
    try {
      const handle = await session.attach(VIDEOROOM);
      if (!current()) return;
      this.open(handle, to);
      this.want(me, audioOnly);
    } finally {
      // Without a subscription, the next check tries again.
      this.resubscribing = false;
    }
  }

  /** The receivers of each other participant's camera feed, for the indicators. */
  sources(me: string | undefined): RemoteSource[] {
    const subscription = this.subscription;
    if (!me || !subscription) return [];
    return [...this.feeds.byParticipant(me)].map(([participantId, { camera }]) => ({
      participantId,
      ...(camera ? { audio: subscription.receiverOf(camera.id, 'audio'), video: subscription.receiverOf(camera.id, 'video'), audioMid: subscription.midOf(camera.id, 'audio') } : {}),
      microphoneOn: camera?.info.microphoneOn ?? false,
    }));
  }

  /** Reads each remote participant's link quality; whether any changed. */
  async readQuality(me: string | undefined): Promise<boolean> {
    const subscription = this.subscription;
    return !!subscription && (await this.indicators.readQuality(this.sources(me), subscription.connected, !!subscription.broken));
  }

  /** Samples who is speaking, this member too (from `sender`, its microphone's sender); whether any indicator changed. */
  async sampleSpeaking(me: string | undefined, sender: RTCRtpSender | undefined, microphoneOn: boolean): Promise<boolean> {
    const pc = this.subscription?.connected ? this.subscription.pc : undefined;
    const received = pc ? await pc.getStats().catch(() => undefined) : undefined;
    return this.indicators.sampleSpeaking(Date.now(), this.sources(me), received, sender, microphoneOn);
  }

  /**
   * The remote tiles, in the meeting's order. Someone the meeting knows to be
   * offline is not shown (as the mesh closes their link), though Janus may keep
   * their feed a while.
   */
  remotes(me: string, participants: readonly MediaParticipantInfo[], audioOnly: boolean): RemoteMedia<MediaStreamTrack>[] {
    const order = new Map(participants.map((p, i) => [p.participantId, i]));
    const offline = new Set(participants.filter((p) => !p.online).map((p) => p.participantId));
    return [...this.feeds.byParticipant(me)]
      .filter(([participantId, feeds]) => feeds.camera && !offline.has(participantId))
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
      .map(([participantId, feeds]) => this.remote(participantId, feeds.camera!, feeds.screen, audioOnly));
  }

  private remote(participantId: string, camera: Feed, screen: Feed | undefined, audioOnly: boolean): RemoteMedia<MediaStreamTrack> {
    const subscription = this.subscription;
    const audio = subscription?.track(camera.id, 'audio');
    const video = camera.info.cameraOn && !audioOnly ? subscription?.track(camera.id, 'video') : undefined;
    const screenTrack = screen && screen.info.cameraOn && !audioOnly ? subscription?.track(screen.id, 'video') : undefined;
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
}
