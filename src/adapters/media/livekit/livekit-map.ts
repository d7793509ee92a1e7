/**
 * How LiveKit's words map to the media port's (src/core/media.ts): link
 * quality, connection states, errors, and the capture options LiveKit takes
 * from the adapter's `MediaTrackConstraints`. Pure functions over plain
 * values, so they load without livekit-client and are tested in Node.
 */
import type { AudioCaptureOptions, VideoCaptureOptions } from 'livekit-client';
import type { ConnectionQuality, MediaError, MediaStatus } from '../../../core/media.js';
import { videoKbps } from '../shared/bitrate.js';
import { DEFAULT_AUDIO } from '../shared/local-tracks.js';
import { mediaErrorCode } from '../shared/local-media.js';

/**
 * LiveKit's participant quality (`ConnectionQuality`: excellent, good, poor,
 * lost, unknown; livekit-client docs) on the port's scale: LiveKit's three
 * working grades become good, fair and poor.
 */
export function qualityOf(quality: string): ConnectionQuality {
  switch (quality) {
    case 'excellent':
      return 'good';
    case 'good':
      return 'fair';
    case 'poor':
      return 'poor';
    case 'lost':
      return 'lost';
    default:
      return 'unknown';
  }
}

/** LiveKit's room `ConnectionState` as the port's status, while the adapter wants to be connected. */
export function statusOf(state: string): MediaStatus {
  switch (state) {
    case 'connected':
      return 'connected';
    case 'reconnecting':
    case 'signalReconnecting':
      return 'reconnecting';
    case 'connecting':
      return 'connecting';
    default:
      return 'failed';
  }
}

/** `ConnectionError.reason` values of livekit-client 2.x (`ConnectionErrorReason`). */
const NOT_ALLOWED = 0;
const CANCELLED = 3;

/** The DOMException names of a failed capture (Media Capture and Streams § 10), which `mediaErrorCode` knows. */
const CAPTURE_ERRORS = new Set(['NotAllowedError', 'SecurityError', 'PermissionDeniedError', 'NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError', 'NotReadableError', 'TrackStartError', 'AbortError']);

const detailOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Whether a connect failure was the adapter's own cancel (a disconnect while connecting): not an error to show. */
export function isCancelled(error: unknown): boolean {
  return (error as { name?: string; reason?: number } | null)?.name === 'ConnectionError' && (error as { reason?: number }).reason === CANCELLED;
}

/** Whether LiveKit refused the token itself (401/403: bad, expired, for another room): trying again with it cannot help. */
export function isRefused(error: unknown): boolean {
  return (error as { name?: string; reason?: number } | null)?.name === 'ConnectionError' && (error as { reason?: number }).reason === NOT_ALLOWED;
}

/**
 * The port's error for a failure of `Room.connect`: LiveKit unreachable, or
 * its token refused. Both leave the member without media, and the element says
 * the media server cannot be reached; the detail tells which.
 */
export function connectError(error: unknown): MediaError {
  return { code: 'server-unreachable', detail: `${isRefused(error) ? 'LiveKit refused the token: ' : ''}${detailOf(error)}` };
}

/**
 * The port's error for a failure to publish a microphone, camera or screen
 * (`setMicrophoneEnabled` and its kin): the browser's capture failures by their
 * DOMException name; LiveKit's `PublishTrackError` (the token has no
 * canPublish: "insufficient permissions") as publish-refused; a negotiation
 * that found no path as ice-failed; a browser without the API as not-supported.
 */
export function publishError(error: unknown): MediaError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const detail = detailOf(error);
  if (CAPTURE_ERRORS.has(name)) return { code: mediaErrorCode(error), detail };
  switch (name) {
    case 'PublishTrackError':
    case 'SignalRequestError':
      return { code: 'publish-refused', detail };
    case 'NegotiationError':
      return { code: 'ice-failed', detail };
    case 'DeviceUnsupportedError':
    case 'TypeError':
      return { code: 'not-supported', detail };
    case 'ConnectionError':
    case 'UnexpectedConnectionState':
      return { code: 'server-unreachable', detail };
    default:
      return { code: 'publish-refused', detail };
  }
}

/** A number out of a constraint (`320`, `{ ideal: 320 }`, `{ exact: 320 }`, `{ max: 15 }`). */
function numberOf(constraint: ConstrainULong | ConstrainDouble | undefined): number | undefined {
  if (typeof constraint === 'number') return constraint;
  return constraint?.exact ?? constraint?.ideal ?? constraint?.max ?? constraint?.min;
}

/** LiveKit's `VideoResolution` from camera constraints (640x480 at 20 fps unless they say otherwise). */
export function resolutionOf(video: MediaTrackConstraints | undefined): { width: number; height: number; frameRate: number } {
  return { width: numberOf(video?.width) ?? 640, height: numberOf(video?.height) ?? 480, frameRate: numberOf(video?.frameRate) ?? 20 };
}

/** LiveKit's microphone capture options from the adapter's constraints (or the defaults) and the chosen device. */
export function audioCapture(constraints: MediaTrackConstraints | undefined, deviceId: string | undefined): AudioCaptureOptions {
  const audio = { ...DEFAULT_AUDIO, ...constraints };
  return {
    // The DOM's echoCancellation may be a mode name ('all'); LiveKit takes on or off.
    echoCancellation: typeof audio.echoCancellation === 'boolean' ? audio.echoCancellation : audio.echoCancellation !== 'none',
    noiseSuppression: audio.noiseSuppression,
    autoGainControl: audio.autoGainControl,
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  };
}

/** LiveKit's camera capture options from the adapter's constraints and the chosen device. */
export function videoCapture(constraints: MediaTrackConstraints | undefined, deviceId: string | undefined): VideoCaptureOptions {
  return { resolution: resolutionOf(constraints), ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
}

/** What is left of a member's cap for video (../shared/bitrate.ts), in bit/s; undefined when uncapped. */
export function videoCapBps(capKbps: number | undefined): number | undefined {
  const kbps = videoKbps(capKbps);
  return kbps === undefined ? undefined : kbps * 1000;
}

/**
 * The `maxBitrate` of each encoding of a sender under a cap: LiveKit's own
 * value (its simulcast ladder, saved before the first cap) or the cap,
 * whichever is lower; LiveKit's values again when the cap is lifted.
 */
export function cappedBitrates(own: readonly (number | undefined)[], capBps: number | undefined): (number | undefined)[] {
  return own.map((bitrate) => (capBps === undefined ? bitrate : Math.min(bitrate ?? Infinity, capBps)));
}
