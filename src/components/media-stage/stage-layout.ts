import { findParticipant, operatedBridgePoints, seatOf, type ConnectionQuality, type MeetingState, type RemoteMedia } from '../../core/index.js';

/** One picture on the stage: a person, a bridge point's room, or a shared screen. */
export interface Tile {
  /** Unique on the stage: the participant id, with `:screen` for a shared screen. */
  readonly key: string;
  readonly participantId: string;
  readonly kind: 'person' | 'room' | 'screen';
  /** The person's name, or the room's for a bridge point; undefined when the meeting does not know them. */
  readonly name?: string;
  readonly video?: MediaStreamTrack;
  readonly microphoneOn: boolean;
  readonly speaking: boolean;
  readonly quality: ConnectionQuality;
  /** This tile stands for whoever has the floor (themselves, or the room they sit in). */
  readonly floor: boolean;
}

/** The stage's pictures: one large, the rest small. */
export interface Arrangement {
  readonly featured?: Tile;
  readonly others: readonly Tile[];
}

/** The bridge point a participant's camera stands for (they operate its room), if any. */
export function roomOf(meeting: MeetingState | undefined, participantId: string): { id: string; name: string } | undefined {
  if (!meeting) return undefined;
  const id = operatedBridgePoints(meeting, participantId)[0];
  const room = meeting.bridgePoints.find((b) => b.id === id);
  return room ? { id: room.id, name: room.name } : undefined;
}

/**
 * The participant whose picture shows the floor holder: the holder when their
 * own media is here, else the operator of the bridge point where the holder
 * sits (the room's camera shows them).
 */
export function floorTileOwner(meeting: MeetingState | undefined, remotes: readonly RemoteMedia<MediaStreamTrack>[]): string | undefined {
  const holder = meeting?.floor?.participantId;
  if (!meeting || !holder) return undefined;
  if (remotes.some((r) => r.participantId === holder)) return holder;
  const seat = seatOf(meeting, holder);
  const operator = meeting.bridgePoints.find((b) => b.id === seat)?.operatorId;
  return operator && remotes.some((r) => r.participantId === operator) ? operator : undefined;
}

function tilesOf(meeting: MeetingState | undefined, remote: RemoteMedia<MediaStreamTrack>, floorOwner: string | undefined): Tile[] {
  const id = remote.participantId;
  const room = roomOf(meeting, id);
  const name = room?.name ?? (meeting ? findParticipant(meeting, id)?.name : undefined);
  const base = { participantId: id, microphoneOn: remote.microphoneOn, speaking: remote.speaking, quality: remote.quality };
  const camera: Tile = {
    ...base,
    key: id,
    kind: room ? 'room' : 'person',
    name,
    video: remote.cameraOn ? remote.video : undefined,
    floor: id === floorOwner,
  };
  if (!remote.screen) return [camera];
  return [{ ...base, key: `${id}:screen`, kind: 'screen', name, video: remote.screen, speaking: false, floor: false }, camera];
}

/**
 * Which picture is large: a shared screen first (what is being presented),
 * then the floor holder's, then whoever speaks (the one already large stays
 * while they speak, so the picture does not jump between two voices), then
 * the one that was large before, then the first.
 */
export function arrange(
  meeting: MeetingState | undefined,
  remotes: readonly RemoteMedia<MediaStreamTrack>[],
  previousFeatured?: string,
): Arrangement {
  const floorOwner = floorTileOwner(meeting, remotes);
  const tiles = remotes.flatMap((r) => tilesOf(meeting, r, floorOwner));
  const featured =
    tiles.find((t) => t.kind === 'screen') ??
    tiles.find((t) => t.floor) ??
    tiles.find((t) => t.speaking && t.key === previousFeatured) ??
    tiles.find((t) => t.speaking) ??
    tiles.find((t) => t.key === previousFeatured) ??
    tiles[0];
  return { featured, others: tiles.filter((t) => t !== featured) };
}
