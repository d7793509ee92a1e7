import type { Room, RoomOptions } from 'livekit-client';
import { audioCapture, resolutionOf } from './livekit-map.js';
import type { LivekitAdapterOptions } from './livekit-options.js';
import type { LivekitModule } from './load-livekit.js';

/** The E2EE worker of each encrypted room, ended when the room is left. */
const workers = new WeakMap<Room, Worker>();

/**
 * A LiveKit room with the adapter's settings (adaptive stream, dynacast,
 * simulcast, capture defaults with the chosen microphone), end-to-end encrypted when the options give a
 * key; rejects when encryption is asked and cannot be had.
 */
export async function createRoom(lk: LivekitModule, options: LivekitAdapterOptions, microphoneId: string | undefined): Promise<Room> {
  const roomOptions: RoomOptions = {
    adaptiveStream: true,
    dynacast: true,
    videoCaptureDefaults: { resolution: resolutionOf(options.video) },
    audioCaptureDefaults: audioCapture(options.audio, microphoneId),
    publishDefaults: { simulcast: true },
    stopLocalTrackOnUnpublish: true,
    disconnectOnPageLeave: true,
  };
  const key = options.e2eeKey;
  if (!key) return new lk.Room(roomOptions);
  if (!lk.isE2EESupported()) throw new Error('end-to-end encryption is not supported by this browser (no encoded transforms)');
  if (!options.e2eeWorker) throw new Error('e2eeKey needs e2eeWorker: () => new Worker(new URL(\'livekit-client/e2ee-worker\', import.meta.url))');
  const keyProvider = new lk.ExternalE2EEKeyProvider();
  const worker = options.e2eeWorker();
  const room = new lk.Room({ ...roomOptions, encryption: { keyProvider, worker } });
  workers.set(room, worker);
  await keyProvider.setKey(key);
  await room.setE2EEEnabled(true);
  return room;
}

/** Ends a room's E2EE worker, if it has one (the room is left or gone). */
export function endWorker(room: Room): void {
  workers.get(room)?.terminate();
  workers.delete(room);
}

/** Leaves a room, and ends its E2EE worker; a failure to leave goes to `note`. */
export async function closeRoom(room: Room, note: (error: unknown) => void): Promise<void> {
  await room.disconnect().catch(note);
  endWorker(room);
}

/** What the adapter does on its room's events. */
export interface RoomHandlers {
  /** Something a tile or the status shows changed. */
  changed(): void;
  /** LiveKit gave up reconnecting, or the server let the member go (LiveKit's `DisconnectReason`). */
  disconnected(reason: number | undefined): void;
  /** A participant or a track arrived: subscribe to it. */
  arrived(): void;
  /** A track was subscribed: ask for its tile's size. */
  subscribed(): void;
  /** A local track was published or unmuted: LiveKit may have reset its encodings. */
  localTrack(): void;
  /** LiveKit's active speakers, loudest first. */
  speakers(speakers: readonly { identity: string }[]): void;
  /** The member's own permissions changed (the meeting server followed the floor). */
  permissions(): void;
  /** A failure for diagnostics only. */
  note(error: unknown): void;
}

/** Wires the room's events to `on`, while `current()` (events of a room the adapter has left behind are dropped). */
export function listenTo(lk: LivekitModule, room: Room, current: () => boolean, on: RoomHandlers): void {
  const E = lk.RoomEvent;
  const mine =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      if (current()) handler(...args);
    };
  const changed = mine(() => on.changed());
  const localTrack = mine(() => on.localTrack());
  room
    .on(E.ConnectionStateChanged, changed)
    .on(E.Reconnecting, changed)
    .on(E.SignalReconnecting, changed)
    .on(E.Reconnected, changed)
    .on(E.Disconnected, mine((reason?: number) => on.disconnected(reason)))
    .on(E.ParticipantConnected, mine(() => on.arrived()))
    .on(E.ParticipantDisconnected, changed)
    .on(E.TrackPublished, mine(() => on.arrived()))
    .on(E.TrackUnpublished, changed)
    .on(E.TrackSubscribed, mine(() => on.subscribed()))
    .on(E.TrackUnsubscribed, changed)
    .on(E.TrackMuted, changed)
    .on(E.TrackUnmuted, localTrack)
    .on(E.TrackStreamStateChanged, changed)
    .on(E.LocalTrackPublished, localTrack)
    .on(E.LocalTrackUnpublished, changed)
    .on(E.ConnectionQualityChanged, changed)
    .on(E.ActiveSpeakersChanged, mine((speakers: { identity: string }[]) => on.speakers(speakers)))
    .on(
      E.ParticipantPermissionsChanged,
      mine((_previous: unknown, participant: { identity: string }) => {
        if (participant === room.localParticipant) on.permissions();
      }),
    )
    .on(E.EncryptionError, mine((error: Error) => on.note(error)));
}

/**
 * Whether a PeerConnection under LiveKit was closed (the page, the browser):
 * LiveKit notices only ICE failures, so the adapter checks the transports.
 */
export function hasClosedTransport(room: Room): boolean {
  const transports: (RTCDtlsTransport | null | undefined)[] = [];
  for (const publication of room.localParticipant.trackPublications.values()) transports.push(publication.track?.sender?.transport);
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.trackPublications.values()) transports.push(publication.track?.receiver?.transport);
  }
  return transports.some((transport) => transport?.state === 'closed');
}

/** The room and its remote participants (with the meeting's names), for the console and test reports. */
export function describeRoom(room: Room | undefined, names: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    room: room?.name,
    state: room?.state,
    e2ee: room?.isE2EEEnabled,
    remotes: room
      ? [...room.remoteParticipants.values()].map((p) => ({
          identity: p.identity,
          name: names.get(p.identity) ?? p.name,
          tracks: [...p.trackPublications.values()].map((t) => `${t.source}${t.isMuted ? ' muted' : ''}${t.isSubscribed ? ' subscribed' : ''}`),
        }))
      : [],
  };
}
