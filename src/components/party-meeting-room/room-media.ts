import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientSnapshot, MeetingStore } from '../../client/index.js';
import {
  microphoneRule,
  operatedBridgePoints,
  type MediaAdapter,
  type MediaJoin,
  type MediaParticipantInfo,
  type MediaSignalling,
  type MeetingState,
} from '../../core/index.js';
import type { JoinEvent } from '../device-check/device-check.events.js';
import { isMediaAdapterName, loadMediaAdapter, mediaTokenPathOf, type MediaAdapterName } from './media-loader.js';

/**
 * Where the member stands with the meeting's video and sound: none wanted
 * (`off`), choosing devices (`check`), joining after pressing "Vào họp",
 * `joined`, or the layer could not be had (`unavailable`).
 */
export type MediaStep = 'off' | 'check' | 'joining' | 'joined' | 'unavailable';

/** Why there is no media: the layer could not be loaded, no layer has that name, or a media server's address is missing. */
export type UnavailableReason = 'unavailable' | 'unknown' | 'no-url';

/** The layers that talk to a media server and need its address (`media-url`). */
const NEEDS_URL = new Set(['janus', 'livekit']);

/** What the page asked of the room. */
export interface MediaConfig {
  /** `mesh`, `janus`, `livekit`, or `none`. */
  readonly name: string;
  /** The media server (`media-url`). */
  readonly url: string;
  /** More options for the factory (the mesh's `iceServers`, …). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** An adapter handed in by the page; it takes the place of `name`. */
  readonly adapter?: MediaAdapter<MediaStreamTrack>;
  /** Asks the meeting server for a media-server token at `path` (an adapter's `mediaTokenPath`), with the member's join token. */
  readonly mediaToken?: (path: string) => Promise<string>;
}

/** Whether a meeting store also relays media signals (a `MeetingClient` does; a `LocalMeetingStore` does not). */
export function isSignalling(store: MeetingStore | undefined): store is MeetingStore & MediaSignalling {
  const candidate = store as Partial<MediaSignalling> | undefined;
  return typeof candidate?.signal === 'function' && typeof candidate.onSignal === 'function';
}

/**
 * Everyone of the meeting except `self`, as the media layer labels them:
 * online when connected to the meeting server, and the bridge point whose
 * room a participant's camera stands for (the one they operate).
 */
export function mediaParticipants(meeting: MeetingState, self: string): MediaParticipantInfo[] {
  const people = [...meeting.cell.members, ...meeting.delegates, ...(meeting.guests ?? [])];
  return people
    .filter((p) => p.id !== self)
    .map((p) => {
      const bridgePointId = operatedBridgePoints(meeting, p.id)[0];
      return { participantId: p.id, name: p.name, online: p.id in meeting.connected, ...(bridgePointId ? { bridgePointId } : {}) };
    });
}

/**
 * The room's side of the meeting's video and sound: loads the chosen media
 * layer while the member checks their devices, connects it when they press
 * "Vào họp" (on `<device-check>`'s `party-join`, from the default layout or
 * from the page's own), keeps it told who is online and what the floor means
 * for the microphone on every change of the meeting, and disconnects it when
 * the room leaves the page. The meeting's procedure never waits for any of it.
 */
export class RoomMedia implements ReactiveController {
  /** Where the member stands; the room renders from it. */
  step: MediaStep = 'off';
  /** The connected adapter, once joined. */
  adapter?: MediaAdapter<MediaStreamTrack>;
  /** The speaker the member chose in the device check. */
  speakerId?: string;
  /** Why the layer is unavailable: it could not be loaded, or no layer has that name. */
  unavailable?: { readonly reason: UnavailableReason; readonly name: string };

  private config?: MediaConfig;
  private store?: MeetingStore;
  private loading?: Promise<MediaAdapter<MediaStreamTrack> | undefined>;
  private fed?: MeetingState;
  /** Counts sessions, so that a late answer for a stopped one is dropped. */
  private session = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('party-join', this.handleJoin);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('party-join', this.handleJoin);
    this.stop();
  }

  /**
   * Follows the room's state; the room calls it before every render. Media is
   * wanted once the member is in the meeting (admitted, where the chair admits),
   * with an adapter from the page, or by name over a store that relays signals.
   */
  sync(config: MediaConfig, store: MeetingStore | undefined, snapshot: ClientSnapshot | undefined, admitted: boolean): void {
    const wanted = !!snapshot?.meeting && !!snapshot.you && admitted && (!!config.adapter || (config.name !== 'none' && isSignalling(store)));
    const before = this.config;
    const same =
      before?.name === config.name && before.url === config.url && before.options === config.options && before.adapter === config.adapter && this.store === store;
    if (this.step !== 'off' && (!wanted || !same)) this.stop();
    if (wanted && this.step === 'off') this.start(config, store);
    if (this.adapter && snapshot) this.feed(snapshot);
  }

  private start(config: MediaConfig, store: MeetingStore | undefined): void {
    const session = ++this.session;
    this.config = config;
    this.store = store;
    const name = config.name;
    if (!config.adapter && !isMediaAdapterName(name)) {
      this.step = 'unavailable';
      this.unavailable = { reason: 'unknown', name };
      return;
    }
    const options = { ...config.options, ...(config.url ? { url: config.url } : {}) };
    if (!config.adapter && NEEDS_URL.has(name) && !options.url) {
      this.step = 'unavailable';
      this.unavailable = { reason: 'no-url', name };
      return;
    }
    this.step = 'check';
    const load = config.adapter ? Promise.resolve(config.adapter) : loadMediaAdapter(name as MediaAdapterName, options);
    this.loading = load.catch((error: unknown) => {
      if (session !== this.session) return undefined;
      console.warn(`party-meeting: the ${config.name} media layer could not be loaded; the meeting goes on without video and sound.`, error);
      this.step = 'unavailable';
      this.unavailable = { reason: 'unavailable', name: config.name };
      this.host.requestUpdate();
      return undefined;
    });
  }

  /** Disconnects and forgets the session; the next `sync` may start another. */
  private stop(): void {
    this.session++;
    const adapter = this.adapter;
    this.adapter = undefined;
    this.loading = undefined;
    this.fed = undefined;
    this.unavailable = undefined;
    this.speakerId = undefined;
    this.step = 'off';
    this.config = undefined;
    this.store = undefined;
    void adapter?.disconnect().catch(() => {});
  }

  /** Tells the adapter who is online and what the floor means for this member's microphone, when the meeting changed. */
  private feed(snapshot: ClientSnapshot): void {
    const meeting = snapshot.meeting;
    const you = snapshot.you;
    if (!this.adapter || !meeting || !you || meeting === this.fed) return;
    this.fed = meeting;
    this.adapter.setParticipants(mediaParticipants(meeting, you.participantId));
    this.adapter.applyMicrophoneRule(microphoneRule(meeting, you.participantId));
  }

  private readonly handleJoin = (event: JoinEvent) => void this.join(event.detail);

  private async join(choice: JoinEvent['detail']): Promise<void> {
    if (this.step !== 'check') return;
    const session = this.session;
    const store = this.store;
    const config = this.config;
    this.step = 'joining';
    this.host.requestUpdate();
    const adapter = await this.loading;
    if (session !== this.session || !adapter) return;
    // A media server with tokens of its own (LiveKit): the adapter asks the meeting server for one, with this
    // member's join token, each time it joins (a token is valid for minutes); a failure lands in its snapshot.
    const tokenPath = mediaTokenPathOf(adapter);
    const askToken = config?.mediaToken;
    const fetchMediaToken = tokenPath && askToken ? () => askToken(tokenPath) : undefined;
    const snapshot = store?.getSnapshot();
    if (session !== this.session || !snapshot?.meeting || !snapshot.you) return;
    this.adapter = adapter;
    this.speakerId = choice.speakerId;
    this.feed(snapshot);
    const join: MediaJoin = {
      meetingId: snapshot.meeting.id,
      participantId: snapshot.you.participantId,
      name: snapshot.you.name,
      cameraOff: choice.cameraOff || choice.noMedia,
      microphoneOff: choice.noMedia,
      ...(choice.audioDeviceId ? { microphoneId: choice.audioDeviceId } : {}),
      ...(choice.videoDeviceId ? { cameraId: choice.videoDeviceId } : {}),
      ...(isSignalling(store) ? { signalling: store } : {}),
      ...(fetchMediaToken ? { fetchMediaToken } : {}),
    };
    this.step = 'joined';
    this.host.requestUpdate();
    try {
      await adapter.connect(join);
    } catch (error) {
      // The port says failures land in the snapshot; one that throws all the same must not break the page.
      console.warn('party-meeting: the media layer failed to connect.', error);
    }
  }
}
