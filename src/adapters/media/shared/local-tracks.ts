/** Camera constraints by default: 640x480 at 20 fps. */
export const DEFAULT_VIDEO: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 20, max: 30 } };
/** Microphone constraints by default: the browser's echo cancellation, noise suppression and gain control. */
export const DEFAULT_AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** A local source. */
export type LocalKind = 'microphone' | 'camera' | 'screen';

/**
 * This member's microphone, camera and screen tracks: a replaced track is
 * stopped (the camera light goes off), and a track that ends by itself (a
 * device unplugged, the browser's "stop sharing") is dropped and reported.
 */
export class LocalTracks {
  microphone?: MediaStreamTrack;
  camera?: MediaStreamTrack;
  screen?: MediaStreamTrack;

  constructor(
    private readonly constraints: { readonly audio?: MediaTrackConstraints; readonly video?: MediaTrackConstraints },
    /** A track ended by itself; it is already dropped. */
    private readonly ended: (kind: LocalKind) => void,
  ) {}

  /** Puts a track in place of the kind's current one (stopped), or none. */
  set(kind: LocalKind, track: MediaStreamTrack | undefined): void {
    const old = this[kind];
    if (old && old !== track) old.stop();
    this[kind] = track;
    track?.addEventListener('ended', () => {
      if (this[kind] !== track) return;
      this[kind] = undefined;
      this.ended(kind);
    });
  }

  /** Stops and drops every track. */
  stopAll(): void {
    for (const kind of ['microphone', 'camera', 'screen'] as const) this.set(kind, undefined);
  }

  /** The microphone's constraints: the adapter's (or the defaults), with the device chosen in `<device-check>`. */
  audio(deviceId: string | undefined): MediaTrackConstraints {
    return { ...DEFAULT_AUDIO, ...this.constraints.audio, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
  }

  /** The camera's constraints: the adapter's (or the defaults), with the device chosen in `<device-check>`. */
  video(deviceId: string | undefined): MediaTrackConstraints {
    return { ...(this.constraints.video ?? DEFAULT_VIDEO), ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
  }
}
