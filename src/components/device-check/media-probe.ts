/**
 * The little of the browser's media API that `<device-check>` needs, behind
 * one interface: the media adapters arrive later and may bring their own, and
 * tests can hand in a probe for a browser they are not running in (one without
 * WebRTC, one that refuses permission).
 */

/** One camera, microphone or speaker, as `enumerateDevices()` lists it. */
export interface DeviceInfo {
  readonly kind: MediaDeviceKind;
  readonly deviceId: string;
  /** Empty until the member has allowed the page to use their devices. */
  readonly label: string;
}

/** Whether the page may use the camera and microphone, as far as the browser tells. */
export type MediaPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

/** What `<device-check>` asks of the browser. */
export interface MediaProbe {
  /** The browser can take part in a video meeting: it has `RTCPeerConnection` and `navigator.mediaDevices`. */
  readonly supportsWebRTC: boolean;
  /** Lists cameras, microphones and speakers. */
  listDevices(): Promise<readonly DeviceInfo[]>;
  /** Opens the devices (`getUserMedia`); rejects with the browser's `DOMException`. */
  open(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** Camera and microphone permission both granted already (so the check may start without a click). */
  permission(): Promise<MediaPermission>;
  /** Calls `onChange` when a device is plugged in or out; returns the unsubscribe function. */
  watch(onChange: () => void): () => void;
}

/** Where the browser probe finds the APIs: the window, or a stand-in for a browser that lacks some. */
export interface ProbeScope {
  readonly navigator: { readonly mediaDevices?: MediaDevices; readonly permissions?: Permissions };
  readonly RTCPeerConnection?: unknown;
}

async function permissionOf(permissions: Permissions | undefined, name: string): Promise<MediaPermission> {
  try {
    // 'camera' and 'microphone' are not in every browser's PermissionName (Firefox throws).
    return permissions ? (await permissions.query({ name: name as PermissionName })).state : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A probe over the browser's own APIs (`navigator.mediaDevices`, the Permissions API). */
export function browserMediaProbe(scope: ProbeScope = globalThis): MediaProbe {
  const devices = scope.navigator.mediaDevices;
  return {
    supportsWebRTC: typeof scope.RTCPeerConnection === 'function' && !!devices,
    async listDevices() {
      if (!devices?.enumerateDevices) return [];
      const list = await devices.enumerateDevices();
      return list.map(({ kind, deviceId, label }) => ({ kind, deviceId, label }));
    },
    open(constraints) {
      if (!devices?.getUserMedia) return Promise.reject(new DOMException('No media devices API.', 'NotSupportedError'));
      return devices.getUserMedia(constraints);
    },
    async permission() {
      const [camera, microphone] = await Promise.all([permissionOf(scope.navigator.permissions, 'camera'), permissionOf(scope.navigator.permissions, 'microphone')]);
      if (camera === microphone) return camera;
      return camera === 'denied' || microphone === 'denied' ? 'denied' : 'unknown';
    },
    watch(onChange) {
      if (!devices?.addEventListener) return () => {};
      devices.addEventListener('devicechange', onChange);
      return () => devices.removeEventListener('devicechange', onChange);
    },
  };
}

/** Whether a page can choose the speaker a sound plays through (`HTMLMediaElement.setSinkId`; not in Safari). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Stops every track of a stream, releasing the camera and microphone. */
export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** What opening the camera and microphone gave: a stream with what works, and why the rest does not. */
export interface Opened {
  readonly stream?: MediaStream;
  readonly audioError?: unknown;
  readonly videoError?: unknown;
}

// After these errors one device may still work alone: no camera on a desktop, a camera held by another app, a chosen device unplugged.
const TRY_ALONE = new Set(['NotFoundError', 'NotReadableError', 'OverconstrainedError', 'AbortError']);

async function attempt(probe: MediaProbe, constraints: MediaStreamConstraints): Promise<{ stream?: MediaStream; error?: unknown }> {
  try {
    return { stream: await probe.open(constraints) };
  } catch (error) {
    return { error };
  }
}

/** Opens one kind alone; a chosen device that is gone gives way to whichever the browser picks. */
async function openAlone(probe: MediaProbe, kind: 'audio' | 'video', constraint: true | MediaTrackConstraints) {
  const first = await attempt(probe, { [kind]: constraint });
  const name = (first.error as { name?: string } | undefined)?.name;
  return first.stream || constraint === true || name !== 'OverconstrainedError' ? first : attempt(probe, { [kind]: true });
}

/**
 * Opens camera and microphone together (one permission prompt); when that
 * fails for a reason that may concern only one of them, opens each alone and
 * keeps what works.
 */
export async function openDevices(probe: MediaProbe, audio: true | MediaTrackConstraints, video: true | MediaTrackConstraints): Promise<Opened> {
  const both = await attempt(probe, { audio, video });
  if (both.stream) return { stream: both.stream };
  const name = (both.error as { name?: string } | undefined)?.name ?? '';
  if (!TRY_ALONE.has(name)) return { audioError: both.error, videoError: both.error };
  const alone = [await openAlone(probe, 'audio', audio), await openAlone(probe, 'video', video)];
  const tracks = alone.flatMap((a) => a.stream?.getTracks() ?? []);
  return {
    stream: tracks.length > 0 ? new MediaStream(tracks) : undefined,
    audioError: alone[0]!.error,
    videoError: alone[1]!.error,
  };
}
