import type { RemoteParticipant, RemoteTrackPublication, Room, Track } from 'livekit-client';
import type { MediaParticipantInfo, RemoteMedia } from '../../../core/media.js';
import { qualityOf } from './livekit-map.js';
import type { TileSize } from './livekit-options.js';
import type { LivekitModule } from './load-livekit.js';

/** One of the member's sources, in the port's words. */
export type Source = 'microphone' | 'camera' | 'screen';

/** LiveKit's `Track.Source` of one of the port's sources. */
export function trackSource(lk: LivekitModule, source: Source): Track.Source {
  const sources = lk.Track.Source;
  return source === 'microphone' ? sources.Microphone : source === 'camera' ? sources.Camera : sources.ScreenShare;
}

const LARGE_TILE: TileSize = { width: 1280, height: 720 };
const SMALL_TILE: TileSize = { width: 320, height: 180 };

/**
 * What this member receives from the LiveKit room: every remote audio, video
 * unless in audio-only mode (subscribed by hand: `autoSubscribe` is off), each
 * video asked at its tile's size (the last speaker and screens large, others
 * small), and the remote tiles of the snapshot.
 *
 * Adaptive stream: LiveKit's sizes video by the elements given to
 * `track.attach()`, but `<media-stage>` renders the port's raw tracks; so each
 * subscribed video is kept on and asked at the size its tile has, which is
 * what adaptive stream would have asked (RemoteTrackPublication `setEnabled`,
 * `setVideoDimensions`).
 */
export class Receiving {
  /** The last participant heard: their video is asked large. */
  private lastSpeaker?: string;
  /** What was asked of each remote publication (LiveKit sends a request on every `setSubscribed`). */
  private readonly subscribed = new WeakMap<RemoteTrackPublication, boolean>();

  constructor(private readonly tiles: { readonly largeTile?: TileSize; readonly smallTile?: TileSize }) {}

  /** Subscribes to every remote audio, and to video unless in audio-only mode. */
  sync(lk: LivekitModule, room: Room, audioOnly: boolean): void {
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        const want = publication.kind === 'audio' || !audioOnly;
        if (this.subscribed.get(publication) === want) continue;
        this.subscribed.set(publication, want);
        publication.setSubscribed(want);
      }
    }
    this.tune(lk, room);
  }

  /** Keeps each subscribed video on and asks the SFU for its tile's size. */
  tune(lk: LivekitModule, room: Room): void {
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.videoTrackPublications.values()) {
        if (!publication.isSubscribed || !publication.track) continue;
        const large = publication.source === trackSource(lk, 'screen') || participant.identity === this.lastSpeaker;
        publication.setEnabled(true);
        publication.setVideoDimensions(large ? (this.tiles.largeTile ?? LARGE_TILE) : (this.tiles.smallTile ?? SMALL_TILE));
      }
    }
  }

  /** LiveKit's active speakers changed: the loudest other participant's video is asked large. */
  handleSpeakers(lk: LivekitModule, room: Room, speakers: readonly { identity: string }[]): void {
    const loudest = speakers.find((p) => p.identity !== room.localParticipant.identity);
    if (loudest && loudest.identity !== this.lastSpeaker) {
      this.lastSpeaker = loudest.identity;
      this.tune(lk, room);
    }
  }

  /** The remote tiles in the meeting's order; only the meeting's participants (a recorder or an agent in the room has no tile). */
  remotes(lk: LivekitModule, room: Room, participants: readonly MediaParticipantInfo[], audioOnly: boolean): RemoteMedia<MediaStreamTrack>[] {
    const order = new Map(participants.map((p, i) => [p.participantId, i]));
    const known = (identity: string) => order.size === 0 || order.has(identity);
    return [...room.remoteParticipants.values()]
      .filter((p) => known(p.identity))
      .sort((a, b) => (order.get(a.identity) ?? Infinity) - (order.get(b.identity) ?? Infinity))
      .map((p) => remoteMedia(lk, p, audioOnly));
  }
}

/** One remote participant's tile. */
function remoteMedia(lk: LivekitModule, participant: RemoteParticipant, audioOnly: boolean): RemoteMedia<MediaStreamTrack> {
  const publication = (source: Source) => participant.getTrackPublication(trackSource(lk, source));
  const microphone = publication('microphone');
  const camera = publication('camera');
  const screen = publication('screen');
  const track = (p: typeof camera) => (p?.isSubscribed && !p.isMuted ? p.track?.mediaStreamTrack : undefined);
  const audio = microphone?.isSubscribed ? microphone.track?.mediaStreamTrack : undefined;
  const video = audioOnly ? undefined : track(camera);
  const screenTrack = audioOnly ? undefined : track(screen);
  return {
    participantId: participant.identity,
    ...(audio ? { audio } : {}),
    ...(video ? { video } : {}),
    ...(screenTrack ? { screen: screenTrack } : {}),
    microphoneOn: !!microphone && !microphone.isMuted,
    cameraOn: !!camera && !camera.isMuted,
    speaking: participant.isSpeaking,
    quality: qualityOf(participant.connectionQuality),
  };
}
