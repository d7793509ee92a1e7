import type { Room } from 'livekit-client';
import type {
  MediaAdapter,
  MediaError,
  MediaErrorCode,
  MediaJoin,
  MediaParticipantInfo,
  MediaSnapshot,
  MediaStatus,
  MicrophoneRule,
} from '../../../core/media.js';
import { bandwidthCap } from '../shared/bitrate.js';
import { isDeviceError } from '../shared/local-media.js';
import { MicrophoneFloor } from '../shared/microphone-floor.js';
import { SnapshotCache } from '../shared/snapshot-cache.js';
import { BitrateCap } from './livekit-cap.js';
import { localMedia, switchSource } from './livekit-local.js';
import { connectError, isCancelled, isRefused, publishError, statusOf } from './livekit-map.js';
import { LIVEKIT_TOKEN_PATH, type LivekitAdapterOptions } from './livekit-options.js';
import { Receiving, trackSource, type Source } from './livekit-receiving.js';
import { closeRoom, createRoom, describeRoom, endWorker, hasClosedTransport, listenTo } from './livekit-room.js';
import { loadLivekit, type LivekitModule } from './load-livekit.js';

export { LIVEKIT_TOKEN_PATH, type LivekitAdapterOptions, type TileSize } from './livekit-options.js';

/** Wait between attempts to reach LiveKit again, doubling up to the maximum. */
const RETRY_MS = 1_000;
const RETRY_MAX_MS = 10_000;
/** LiveKit's `DisconnectReason`s after which joining again would be wrong: we left, joined elsewhere, were removed, or the room is gone. */
const FINAL_DISCONNECTS = new Set([1, 2, 4, 5]);

/**
 * The LiveKit media adapter: the meeting's room on a LiveKit server (room =
 * meeting id, identity = meeting participant id), with the token the meeting
 * server mints (`MediaJoin.fetchMediaToken`, asked anew at every join and
 * rejoin, or `MediaJoin.mediaToken`; server/livekit.ts), which carries
 * what the member may do (a delegate publishes only at the floor, a guest
 * never). Adaptive stream and dynacast on, simulcast, optional end-to-end
 * encryption (livekit-room.ts); what it receives and how video is sized,
 * livekit-receiving.ts. livekit-client is loaded on `connect`, never before.
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
  /** The remote subscriptions and tiles. */
  private readonly receiving: Receiving;
  private readonly cap = new BitrateCap();
  private timer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly cache = new SnapshotCache(() => this.compute());
  private connectAt = 0;
  private milestones: Record<string, number> = {};
  private lastFailure?: string;

  constructor(options: LivekitAdapterOptions) {
    this.options = options;
    this.receiving = new Receiving(options);
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
    if (!join.mediaToken && !join.fetchMediaToken) return this.stopWith('server-unreachable', 'no LiveKit token: the meeting server minted none (is LIVEKIT_URL set on it?)');
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
    if (room) await closeRoom(room, this.note);
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
        const camera = room.localParticipant.getTrackPublication(trackSource(this.lk!, 'camera'));
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
    const names = new Map(this.participants.map((p) => [p.participantId, p.name]));
    const { room, state, e2ee, remotes } = describeRoom(this.room, names);
    return { room, state, e2ee, canPublish: this.canPublish(), milestones: this.milestones, lastFailure: this.lastFailure, remotes };
  }

  // ---- joining ---------------------------------------------------------------------------------

  /**
   * Gets a token, makes a room, connects it with the token, then publishes
   * what the member wants; retries later when the meeting server or LiveKit
   * cannot be reached.
   */
  private async start(join: MediaJoin, retryMs: number): Promise<void> {
    const epoch = ++this.epoch;
    const current = () => this.epoch === epoch && this.join === join;
    const token = await this.token(join);
    if (!current()) return;
    if (token === undefined) {
      this.base = 'failed';
      this.changed();
      this.retry(join, retryMs);
      return;
    }
    this.mark('token');
    let room: Room;
    try {
      room = await createRoom(this.lk!, this.options, join.microphoneId);
    } catch (error) {
      if (current()) this.stopWith('not-supported', error instanceof Error ? error.message : String(error));
      return;
    }
    if (!current()) return;
    this.room = room;
    this.listen(room);
    try {
      const rtcConfig = this.options.iceServers ? { rtcConfig: { iceServers: [...this.options.iceServers] } } : {};
      await room.connect(this.options.url, token, { autoSubscribe: false, ...rtcConfig });
    } catch (error) {
      if (!current() || isCancelled(error)) return;
      this.room = undefined;
      void closeRoom(room, this.note);
      this.base = 'failed';
      this.fail(connectError(error));
      // A refused token stays refused; anything else may pass later.
      if (!isRefused(error)) this.retry(join, retryMs);
      return;
    }
    if (!current()) {
      void closeRoom(room, this.note);
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

  /**
   * The token for one attempt to join: a fresh one from the meeting server
   * whenever the join says how to ask (a token is valid for 15 minutes,
   * server/livekit.ts, and a rejoin after a drop may come later), else the
   * join's own. Undefined, with the error in the snapshot, when the meeting
   * server gave none.
   */
  private async token(join: MediaJoin): Promise<string | undefined> {
    if (!join.fetchMediaToken) return join.mediaToken;
    try {
      return await join.fetchMediaToken();
    } catch (error) {
      if (this.join === join) this.fail({ code: 'server-unreachable', detail: `the meeting server gave no LiveKit token: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
  }

  /** LiveKit or the meeting server could not be reached (or LiveKit left us): join again later, with a fresh token. */
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
    void closeRoom(room, this.note).then(() => {
      if (this.join === join) void this.start(join, RETRY_MS);
    });
  }

  private listen(room: Room): void {
    listenTo(this.lk!, room, () => this.room === room, {
      changed: () => this.changed(),
      disconnected: (reason) => this.handleDisconnected(room, reason),
      arrived: () => this.syncSubscriptions(room),
      subscribed: () => this.tuneVideo(room),
      localTrack: () => void this.applyCap(),
      speakers: (speakers) => this.handleSpeakers(room, speakers),
      permissions: () => void this.handlePermissions(),
      note: this.note,
    });
  }

  /** LiveKit gave up reconnecting, or the server let us go: join again unless it was final. */
  private handleDisconnected(room: Room, reason: number | undefined): void {
    const join = this.join;
    if (!join) return;
    this.room = undefined;
    endWorker(room);
    this.base = 'failed';
    this.fail({ code: 'server-unreachable', detail: `LiveKit disconnected (reason ${reason ?? 'unknown'})` });
    if (reason === undefined || !FINAL_DISCONNECTS.has(reason)) this.retry(join, RETRY_MS);
  }

  private handleSpeakers(room: Room, speakers: readonly { identity: string }[]): void {
    this.receiving.handleSpeakers(this.lk!, room, speakers);
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
    this.receiving.sync(this.lk!, room, this.audioOnly);
    this.changed();
  }

  private tuneVideo(room: Room): void {
    this.receiving.tune(this.lk!, room);
    this.changed();
  }

  // ---- local media -----------------------------------------------------------------------------

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

  /** Switches one of the member's sources on or off (livekit-local.ts); a failure lands in the snapshot with its code. */
  private async enable(source: Source, on: boolean): Promise<void> {
    const room = this.connectedRoom();
    if (!room) return;
    if (on && !this.canPublish()) {
      this.fail({ code: 'publish-refused', detail: `the LiveKit token does not allow publishing the ${source} (a delegate without the floor, a guest)` });
      return;
    }
    try {
      await switchSource(room, source, on, this.options, this.join);
      if (on) this.clearPublishError();
    } catch (error) {
      if (this.room === room) this.fail(publishError(error));
    }
    this.changed();
  }

  /** Caps (or gives back) the `maxBitrate` of every encoding of the member's video senders (camera and screen). */
  private async applyCap(): Promise<void> {
    const room = this.connectedRoom();
    if (room) await this.cap.apply(room, this.maxBitrateKbps, this.note);
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
    if (hasClosedTransport(room)) {
      this.rejoin('a PeerConnection was closed under LiveKit');
      return;
    }
    if (this.maxBitrateKbps !== undefined) await this.applyCap();
  }

  // ---- snapshot --------------------------------------------------------------------------------

  private compute(): MediaSnapshot<MediaStreamTrack> {
    const room = this.lk ? this.room : undefined;
    const local = localMedia(this.lk, room, { audioOnly: this.audioOnly, maxBitrateKbps: this.maxBitrateKbps, microphoneLocked: this.floor.locked });
    const remotes = room ? this.receiving.remotes(this.lk!, room, this.participants, this.audioOnly) : [];
    const status = this.base === 'connected' && room ? statusOf(room.state) : this.base;
    return { status, local, remotes, ...(this.error ? { error: this.error } : {}) };
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

  /** Keeps a failure for diagnostics (an arrow: handed to `.catch`). */
  private readonly note = (error: unknown): void => {
    this.lastFailure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  };

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
