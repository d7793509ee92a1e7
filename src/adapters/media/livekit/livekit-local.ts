import type { Room } from 'livekit-client';
import type { LocalMedia, MediaJoin } from '../../../core/media.js';
import { audioCapture, videoCapture } from './livekit-map.js';
import type { LivekitAdapterOptions } from './livekit-options.js';
import { trackSource, type Source } from './livekit-receiving.js';
import type { LivekitModule } from './load-livekit.js';

/** A shared screen: text and slides, so a high resolution at a few frames a second. */
const SCREEN = { audio: false, video: true, resolution: { width: 1920, height: 1080, frameRate: 5 } } as const;

/**
 * Switches one of the member's sources on or off through LiveKit, which
 * captures, publishes, mutes and unmutes: off is a mute for the microphone and
 * camera (the camera's light goes off: LiveKit stops its capture), and the end
 * of a screen share. Rejects with LiveKit's or the browser's error.
 */
export async function switchSource(room: Room, source: Source, on: boolean, options: LivekitAdapterOptions, join: MediaJoin | undefined): Promise<void> {
  const participant = room.localParticipant;
  if (source === 'microphone') await participant.setMicrophoneEnabled(on, audioCapture(options.audio, join?.microphoneId));
  else if (source === 'camera') await participant.setCameraEnabled(on, videoCapture(options.video, join?.cameraId));
  else await participant.setScreenShareEnabled(on, SCREEN);
}

/** What the adapter adds to LiveKit's view of the member's own media. */
export interface LocalChoices {
  readonly audioOnly: boolean;
  readonly maxBitrateKbps?: number;
  readonly microphoneLocked: boolean;
}

/** The member's own media as the snapshot shows it, from what LiveKit publishes (nothing before a room). */
export function localMedia(lk: LivekitModule | undefined, room: Room | undefined, choices: LocalChoices): LocalMedia<MediaStreamTrack> {
  const local = lk ? room?.localParticipant : undefined;
  const publication = (source: Source) => (lk ? local?.getTrackPublication(trackSource(lk, source)) : undefined);
  const microphone = publication('microphone');
  const camera = publication('camera');
  const microphoneOn = !!microphone?.track && !microphone.isMuted;
  const cameraOn = !!camera?.track && !camera.isMuted;
  return {
    microphoneOn,
    cameraOn,
    screenOn: !!publication('screen')?.track,
    audioOnly: choices.audioOnly,
    ...(choices.maxBitrateKbps === undefined ? {} : { maxBitrateKbps: choices.maxBitrateKbps }),
    microphoneLocked: choices.microphoneLocked,
    ...(cameraOn && camera?.track ? { video: camera.track.mediaStreamTrack } : {}),
    speaking: microphoneOn && !!local?.isSpeaking,
  };
}
