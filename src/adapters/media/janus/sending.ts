import type { MediaError } from '../../../core/media.js';
import { encodeDisplay } from './feed-info.js';
import type { PluginData } from './janus-api.js';
import type { JanusHandle, JanusSession } from './janus-session.js';
import { Publisher, type PublisherHost } from './publisher.js';
import type { Recovery } from './recovery.js';
import { joinRoom, VIDEOROOM, type RoomJoin } from './room.js';
import type { Subscription } from './subscription.js';

/** What this member is and sends now, as the adapter knows it. */
export interface LocalState {
  readonly participantId: string;
  readonly name: string;
  readonly microphone?: MediaStreamTrack;
  /** The member wants the microphone on (the floor allowing). */
  readonly microphoneWanted: boolean;
  /** The microphone is on and live. */
  readonly microphoneOn: boolean;
  /** The camera as sent: none in audio-only mode. */
  readonly camera: MediaStreamTrack | null;
  /** The shared screen as captured (sent only outside audio-only mode). */
  readonly screen?: MediaStreamTrack;
  readonly audioOnly: boolean;
  /** The cap for the camera, in kbit/s; none when undefined. */
  readonly videoKbps?: number;
}

/** What the sending side needs from the adapter. */
export interface SendingHost extends PublisherHost {
  /** This member's media now. */
  local(): LocalState;
  /** A failure to show in the snapshot. */
  fail(error: MediaError): void;
}

/**
 * What this member sends to the room: the main publisher (microphone and
 * camera on one PeerConnection, its display carrying the participant id, the
 * name and the microphone and camera state, feed-info.ts) and the screen
 * share's own publisher handle. The adapter owns the session; this side only
 * attaches handles to it.
 */
export class Sending {
  main?: Publisher;
  screen?: Publisher;
  /** The display Janus has for the main publisher (undefined: unknown, send it again). */
  private sentDisplay?: string;
  private announcing = false;

  constructor(
    private readonly host: SendingHost,
    private readonly recovery: Recovery<Publisher | Subscription>,
  ) {}

  /** Joins the room on `handle` as the main publisher (creating the room when allowed); resolves with Janus's `joined`. */
  async joinMain(handle: JanusHandle, how: Omit<RoomJoin, 'display'>, onRoomEvent: (data: PluginData) => void): Promise<{ main: Publisher; joined: PluginData }> {
    const main = new Publisher(handle, ['audio', 'video'], this.host, onRoomEvent);
    this.main = main;
    // What Janus has now is what was sent, even if the devices opened meanwhile (announce sends the difference).
    const display = this.display(false);
    const joined = await joinRoom(main, { ...how, display });
    if (this.main === main) this.sentDisplay = display;
    return { main, joined };
  }

  /** Publishes the microphone and camera on the main publisher (a new PeerConnection), capped as the member asked. */
  async publishMain(main: Publisher): Promise<void> {
    const local = this.host.local();
    const video = local.videoKbps;
    await main.publish({ audio: local.microphone ?? null, video: local.camera }, video ? { bitrate: video * 1000 } : {});
    const now = this.host.local();
    if (now.microphone) now.microphone.enabled = now.microphoneWanted;
  }

  /** Publishes a broken main or screen publisher again (recovery.ts's "rebuild"). */
  async republish(link: Publisher): Promise<void> {
    const screen = this.host.local().screen;
    if (link === this.main) {
      await link.unpublish();
      await this.publishMain(link);
      await this.applyBitrate();
    } else if (link === this.screen && screen) {
      await link.unpublish();
      await link.publish({ video: screen });
    }
  }

  /** Forgets both publishers (the session is gone); returns their closing. */
  close(): Promise<void>[] {
    const closing = [this.main?.close(), this.screen?.close()].filter((p) => !!p);
    this.main = undefined;
    this.screen = undefined;
    this.sentDisplay = undefined;
    return closing;
  }

  /** Sends the display again even if unchanged (events sent while the session's socket was down are lost). */
  announceAgain(): void {
    this.sentDisplay = undefined;
    this.announce();
  }

  /** Tells the room this member's microphone and camera state (a `configure` with the new display), one at a time. */
  announce(): void {
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

  /** Starts or stops the screen share's own publisher handle to match the screen track (`joined`: the main one is in the room). */
  async syncScreen(session: JanusSession | undefined, room: number, joined: boolean): Promise<void> {
    const local = this.host.local();
    const track = local.screen && !local.audioOnly ? local.screen : undefined;
    if (!track) {
      const publisher = this.screen;
      this.screen = undefined;
      if (publisher) this.recovery.forget(publisher);
      await publisher?.close().catch(() => {});
      return;
    }
    if (this.screen || !session || !joined) {
      await this.screen?.setTrack('video', track);
      return;
    }
    try {
      const publisher = new Publisher(await session.attach(VIDEOROOM), ['video'], this.host);
      this.screen = publisher;
      await publisher.join(room, this.display(true));
      await publisher.publish({ video: track });
    } catch (error) {
      this.host.fail({ code: 'publish-refused', detail: `screen share: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /** Caps the camera locally and by Janus's REMB (`bitrate`; 0 lifts the publisher's own cap back to the room's). */
  async applyBitrate(): Promise<void> {
    const main = this.main;
    if (!main?.feedId) return;
    const video = this.host.local().videoKbps;
    await main.capVideo(video);
    await main.configure({ bitrate: (video ?? 0) * 1000 }).catch(() => {});
  }

  /** The display a publisher carries (the screen share's says `screen`). */
  private display(screen: boolean): string {
    const local = this.host.local();
    return encodeDisplay({
      participantId: local.participantId,
      name: local.name,
      microphoneOn: screen ? false : local.microphoneOn,
      cameraOn: screen ? !!local.screen : !!local.camera,
      screen,
    });
  }
}
