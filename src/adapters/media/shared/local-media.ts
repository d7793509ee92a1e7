import type { MediaError, MediaErrorCode } from '../../../core/media.js';

/** The stable code of a `getUserMedia` / `getDisplayMedia` failure (the DOMException names of Media Capture and Streams § 10). */
export function mediaErrorCode(error: unknown): MediaErrorCode {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-device';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'device-busy';
    default:
      return 'not-supported';
  }
}

/** Whether an error is the camera's or microphone's (refused, missing, busy): one that opening the device again clears. */
export function isDeviceError(error: MediaError | undefined): boolean {
  const code = error?.code;
  return code === 'permission-denied' || code === 'no-device' || code === 'device-busy';
}

/** A media error from a thrown capture failure. */
export function mediaError(error: unknown): MediaError {
  return { code: mediaErrorCode(error), detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** What `openDevices` got: the tracks it could open, and the first failure. */
export interface OpenedDevices {
  readonly microphone?: MediaStreamTrack;
  readonly camera?: MediaStreamTrack;
  readonly error?: MediaError;
}

/**
 * Opens the microphone and/or the camera. Both at once first (one permission
 * prompt); when that fails, each on its own, so a refused camera still leaves
 * the microphone (and the member still hears and sees the others).
 */
export async function openDevices(audio: MediaTrackConstraints | false, video: MediaTrackConstraints | false): Promise<OpenedDevices> {
  const devices = globalThis.navigator?.mediaDevices;
  if (!audio && !video) return {};
  if (!devices?.getUserMedia) return { error: { code: 'not-supported', detail: 'navigator.mediaDevices.getUserMedia is missing' } };
  try {
    const stream = await devices.getUserMedia({ audio, video });
    return { microphone: stream.getAudioTracks()[0], camera: stream.getVideoTracks()[0] };
  } catch (error) {
    if (!audio || !video) return { error: mediaError(error) };
  }
  const [microphone, camera] = await Promise.allSettled([devices.getUserMedia({ audio }), devices.getUserMedia({ video })]);
  const failure = [microphone, camera].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return {
    microphone: microphone.status === 'fulfilled' ? microphone.value.getAudioTracks()[0] : undefined,
    camera: camera.status === 'fulfilled' ? camera.value.getVideoTracks()[0] : undefined,
    ...(failure ? { error: mediaError(failure.reason) } : {}),
  };
}

/** Opens a screen, window or tab to share (`getDisplayMedia`). */
export async function openScreen(): Promise<{ readonly track?: MediaStreamTrack; readonly error?: MediaError }> {
  const devices = globalThis.navigator?.mediaDevices;
  if (!devices?.getDisplayMedia) return { error: { code: 'not-supported', detail: 'navigator.mediaDevices.getDisplayMedia is missing' } };
  try {
    const stream = await devices.getDisplayMedia({ video: { frameRate: { ideal: 5, max: 15 } }, audio: false });
    return { track: stream.getVideoTracks()[0] };
  } catch (error) {
    return { error: mediaError(error) };
  }
}
