/**
 * The media port (ARCHITECTURE.md "Media adapters"): types only. Every
 * adapter (the built-in mesh, Janus, LiveKit) implements `MediaAdapter`, and
 * the elements speak only to this interface, so the meeting itself never
 * depends on which one an integrator picks.
 *
 * The core has no DOM, so a track is a type parameter: in the browser it is
 * `MediaStreamTrack`.
 */

/** Stable codes of what can go wrong with media; the elements turn each into words. */
export type MediaErrorCode =
  /** The member or the browser refused the camera or microphone. */
  | 'permission-denied'
  /** No camera or microphone is plugged in (or the chosen one is gone). */
  | 'no-device'
  /** The device is in use by another program or failed to start. */
  | 'device-busy'
  /** The browser has no WebRTC (an in-app browser, an old one). */
  | 'not-supported'
  /** The media server (Janus, LiveKit) or the signalling channel cannot be reached. */
  | 'server-unreachable'
  /** No network path was found to a peer or to the media server. */
  | 'ice-failed'
  /** The media server refused to let this participant publish. */
  | 'publish-refused';

/** A media failure with its stable code. */
export interface MediaError {
  readonly code: MediaErrorCode;
  /** Technical detail for the console, never shown as the message. */
  readonly detail?: string;
  /** The participant it concerns, when it is about one link (a mesh peer). */
  readonly participantId?: string;
}

/** Where this member's media connection stands as a whole. */
export type MediaStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** A rough link quality for the tile's indicator, from packet loss and round-trip time. */
export type ConnectionQuality = 'good' | 'fair' | 'poor' | 'lost' | 'unknown';

/** Who takes part, as the meeting knows them: the adapter labels tiles and (mesh) links only to those online. */
export interface MediaParticipantInfo {
  readonly participantId: string;
  readonly name: string;
  /** The bridge point (điểm cầu) a room's camera stands for: such a participant is shown as one tile for the room. */
  readonly bridgePointId?: string;
  /** Connected to the meeting server now. */
  readonly online: boolean;
}

/** One remote participant as the adapter receives them. */
export interface RemoteMedia<Track = unknown> {
  readonly participantId: string;
  readonly audio?: Track;
  readonly video?: Track;
  readonly screen?: Track;
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  readonly speaking: boolean;
  readonly quality: ConnectionQuality;
}

/** This member's own media. */
export interface LocalMedia<Track = unknown> {
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  readonly screenOn: boolean;
  /** Receive and send no video at all: for a weak connection. */
  readonly audioOnly: boolean;
  /** Upper bound on what this member sends, in kbit/s; none when undefined. */
  readonly maxBitrateKbps?: number;
  /** The floor rule forbids unmuting now (someone else has the floor with "mute others"). */
  readonly microphoneLocked: boolean;
  readonly video?: Track;
  readonly speaking: boolean;
}

/** Everything a media element renders, as one immutable value. */
export interface MediaSnapshot<Track = unknown> {
  readonly status: MediaStatus;
  readonly local: LocalMedia<Track>;
  readonly remotes: readonly RemoteMedia<Track>[];
  /** The most recent failure; cleared when the thing that failed works again. */
  readonly error?: MediaError;
}

/**
 * What the meeting's floor means for one member's microphone, from
 * `microphoneRule` (src/core/rules/media.ts).
 */
export interface MicrophoneRule {
  /** Mute now (the floor was given to someone else with "mute others"). */
  readonly forceMute: boolean;
  /** The member may switch the microphone on themselves. */
  readonly mayUnmute: boolean;
}

/** A message between two participants' adapters, relayed by the meeting server (mesh signalling). */
export type SignalPayload = Readonly<Record<string, unknown>>;

/** The meeting server's relay, as an adapter sees it (only the mesh needs it); `MeetingClient` implements it. */
export interface MediaSignalling {
  /** Sends `payload` to one other participant of the meeting; dropped while the meeting connection is down. */
  signal(to: string, payload: SignalPayload): void;
  /** Calls `handler` for each payload another participant sent here; returns the unsubscribe function. */
  onSignal(handler: (from: string, payload: SignalPayload) => void): () => void;
}

/** What an adapter is given to join a meeting's media. */
export interface MediaJoin {
  readonly meetingId: string;
  readonly participantId: string;
  readonly name: string;
  /** Start with the camera off (a weak connection, or the member's choice in `<device-check>`). */
  readonly cameraOff?: boolean;
  readonly microphoneOff?: boolean;
  readonly audioOnly?: boolean;
  /** Devices chosen in `<device-check>`. */
  readonly microphoneId?: string;
  readonly cameraId?: string;
  /** The meeting server's relay (mesh). */
  readonly signalling?: MediaSignalling;
  /** A media-server token minted by the meeting server (LiveKit). */
  readonly mediaToken?: string;
  /**
   * Asks the meeting server for a fresh media-server token (LiveKit; the room
   * passes its own, with the member's join token). An adapter that has it asks
   * at every join and rejoin instead of using `mediaToken`: a token is valid
   * for a short while (15 minutes, server/livekit.ts) and a rejoin may come
   * much later.
   */
  readonly fetchMediaToken?: () => Promise<string>;
}

/**
 * One media layer. Methods resolve when the change is in effect locally; what
 * others see arrives through `subscribe`. Errors never throw out of the
 * setters: they land in `snapshot.error` with a stable code, and the meeting
 * (roll, votes, minutes) goes on without media.
 */
export interface MediaAdapter<Track = unknown> {
  /** `mesh`, `janus` or `livekit`. */
  readonly name: string;
  connect(join: MediaJoin): Promise<void>;
  disconnect(): Promise<void>;
  setMicrophone(on: boolean): Promise<void>;
  setCamera(on: boolean): Promise<void>;
  setScreenShare(on: boolean): Promise<void>;
  setAudioOnly(on: boolean): Promise<void>;
  /** Caps what this member sends (kbit/s); `undefined` lifts the cap. */
  setBandwidthCap(kbps: number | undefined): Promise<void>;
  /** Who takes part and who is online, whenever the meeting's state changes. */
  setParticipants(participants: readonly MediaParticipantInfo[]): void;
  /** The floor's rule for this member, whenever the floor changes. */
  applyMicrophoneRule(rule: MicrophoneRule): void;
  getSnapshot(): MediaSnapshot<Track>;
  subscribe(listener: () => void): () => void;
}
