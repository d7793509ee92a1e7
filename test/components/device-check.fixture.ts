/** Devices for `<device-check>` tests in a Chromium that has none, and helpers to read what the member sees. */
import { aTimeout, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/components/device-check/define.js';
import type { DeviceCheck } from '../../src/components/device-check/device-check.js';
import type { DeviceInfo, MediaPermission, MediaProbe } from '../../src/components/device-check/media-probe.js';
import { shadowOf, textOf } from './meeting-fixture.js';

/** User agents of the in-app browsers members open invitations in, as those apps sent them. */
export const USER_AGENTS = {
  zaloAndroid:
    'Mozilla/5.0 (Linux; Android 12; SM-A515F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 Zalo android/12100638 ZaloTheme/light ZaloLanguage/vn',
  zaloIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/23.11.01 ZaloTheme/light ZaloLanguage/vn',
  facebookIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.0;FBSS/3;FBID/phone;FBLC/vi_VN;FBOP/5]',
  facebookAndroid:
    'Mozilla/5.0 (Linux; Android 13; SM-G991B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.43 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/443.0.0.33.118;]',
  messengerIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LightSpeed [FBAN/MessengerLiteForiOS;FBAV/425.0.0.20.109;FBBV/520157468;FBDV/iPhone13,2;FBMD/iPhone;FBSN/iOS;FBSV/16.6;FBSS/3;FBCR/;FBID/phone;FBLC/vi;FBOP/0]',
  messengerAndroid:
    'Mozilla/5.0 (Linux; Android 11; Redmi Note 8 Build/RKQ1.201004.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.111 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/438.0.0.18.115;]',
  instagram:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.2.20.107 (iPhone14,2; iOS 17_1; vi_VN; vi; scale=3.00; 1170x2532; 531426467)',
  line: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.20.0',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
} as const;

/**
 * A test double of the browser's media API for the error path only: every
 * `getUserMedia` is refused as a browser refuses it when the member (or the
 * site's settings) blocked camera and microphone.
 */
export function deniedByBrowserDouble(): MediaProbe & { opened: number } {
  return {
    supportsWebRTC: true,
    opened: 0,
    listDevices: async () => [],
    open(this: { opened: number }) {
      this.opened++;
      return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    },
    permission: async () => 'denied',
    watch: () => () => {},
  };
}

/** One AudioContext for every synthetic microphone, created on first use (after a click, so it runs). */
let audio: AudioContext | undefined;

/** Lets the synthetic microphones sound, once the page has had a click (the browser's autoplay rule). */
export async function resumeSyntheticAudio(): Promise<void> {
  await audio?.resume();
}

/**
 * Cameras and microphones for a Chromium without any: real `MediaStream`s,
 * the picture drawn on a canvas, the sound an oscillator (a steady tone, or
 * silence). `open` refuses as the browser does when a device is missing or
 * held by another app, so the element's fallbacks run on real tracks.
 */
export class SyntheticDevices implements MediaProbe {
  supportsWebRTC = true;
  permissionState: MediaPermission = 'prompt';
  cameras: DeviceInfo[] = [
    { kind: 'videoinput', deviceId: 'cam-front', label: 'Camera trước' },
    { kind: 'videoinput', deviceId: 'cam-back', label: 'Camera sau' },
  ];
  microphones: DeviceInfo[] = [{ kind: 'audioinput', deviceId: 'mic-phone', label: 'Micro điện thoại' }];
  speakers: DeviceInfo[] = [{ kind: 'audiooutput', deviceId: 'default', label: 'Loa ngoài' }];
  /** An error name the camera (or microphone) gives when opened: 'NotReadableError' when another app holds it. */
  cameraError?: string;
  microphoneError?: string;
  /** Whether the microphone hears a tone, or silence. */
  loud = true;
  /** Every set of constraints asked for, and every stream handed out. */
  readonly opened: MediaStreamConstraints[] = [];
  readonly streams: MediaStream[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(init: Partial<Pick<SyntheticDevices, 'cameras' | 'microphones' | 'speakers' | 'cameraError' | 'microphoneError' | 'loud' | 'permissionState'>> = {}) {
    Object.assign(this, init);
  }

  async listDevices() {
    return [...this.microphones, ...this.cameras, ...this.speakers];
  }

  async permission() {
    return this.permissionState;
  }

  watch(onChange: () => void) {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  /** Plugs a device in, as the browser's `devicechange` tells it. */
  plugIn(device: DeviceInfo): void {
    (device.kind === 'videoinput' ? this.cameras : this.microphones).push(device);
    for (const listener of [...this.listeners]) listener();
  }

  async open(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.opened.push(constraints);
    const tracks: MediaStreamTrack[] = [];
    if (constraints.audio) tracks.push(this.track(constraints.audio, this.microphones, this.microphoneError, () => this.microphoneTrack()));
    if (constraints.video) tracks.push(this.track(constraints.video, this.cameras, this.cameraError, () => cameraTrack()));
    const stream = new MediaStream(tracks);
    this.streams.push(stream);
    return stream;
  }

  /** The tracks handed out and not stopped. */
  get liveTracks(): MediaStreamTrack[] {
    return this.streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live');
  }

  private track(constraint: boolean | MediaTrackConstraints, devices: DeviceInfo[], error: string | undefined, make: () => MediaStreamTrack): MediaStreamTrack {
    if (error) throw new DOMException('Could not start source', error);
    if (devices.length === 0) throw new DOMException('Requested device not found', 'NotFoundError');
    const exact = typeof constraint === 'object' ? (constraint.deviceId as { exact?: string } | undefined)?.exact : undefined;
    if (exact && !devices.some((d) => d.deviceId === exact)) throw new DOMException('Constraints could not be satisfied', 'OverconstrainedError');
    return fromDevice(make(), exact ?? devices[0]!.deviceId);
  }

  private microphoneTrack(): MediaStreamTrack {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = this.loud ? 0.5 : 0;
    const destination = audio.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    return destination.stream.getAudioTracks()[0]!;
  }
}

/** A real track that reports the device it stands for, as a browser's track from `getUserMedia` does. */
function fromDevice(track: MediaStreamTrack, deviceId: string): MediaStreamTrack {
  const settings = track.getSettings.bind(track);
  return Object.defineProperty(track, 'getSettings', { value: () => ({ ...settings(), deviceId }) });
}

function cameraTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const paint = canvas.getContext('2d')!;
  paint.fillStyle = '#b3001b';
  paint.fillRect(0, 0, 64, 48);
  return canvas.captureStream(5).getVideoTracks()[0]!;
}

/** Renders the element with the given probe and user agent. */
export async function render(options: { probe?: MediaProbe; userAgent?: string; lang?: string; noMedia?: boolean; link?: string } = {}): Promise<DeviceCheck> {
  const el = await fixture<DeviceCheck>(
    options.probe
      ? html`<device-check .probe=${options.probe} user-agent=${options.userAgent ?? ''} lang=${options.lang ?? ''} link=${options.link ?? ''} ?no-media=${options.noMedia}></device-check>`
      : html`<device-check user-agent=${options.userAgent ?? ''} lang=${options.lang ?? ''} link=${options.link ?? ''} ?no-media=${options.noMedia}></device-check>`,
  );
  await el.updateComplete;
  return el;
}

/** One element in the shadow root. */
export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => shadowOf(el).querySelector<E>(selector);
/** Every element matching in the shadow root. */
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...shadowOf(el).querySelectorAll<E>(selector)];
/** The button for an action (`start`, `retry`, `join`, …). */
export const button = (el: Element, action: string) => $<HTMLButtonElement>(el, `button[data-action=${action}]`);
/** Text of one element in the shadow root. */
export const text = (el: Element, selector: string) => textOf($(el, selector));

/** Clicks like a person, with a real mouse: the browser counts it as a user gesture (audio, clipboard). */
export async function mouseClick(el: Element, target: Element | null): Promise<void> {
  if (!target) throw new Error('Nothing to click.');
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
  await aTimeout(0);
  await (el as DeviceCheck).updateComplete;
}

/** Waits for the check to reach a phase (`ready`, `failed`, …). */
export async function phase(el: DeviceCheck, name: string): Promise<void> {
  await waitUntil(() => $(el, '[data-status]')?.dataset.status === name, `the check never reached "${name}"`, { timeout: 3000 });
  await el.updateComplete;
}
