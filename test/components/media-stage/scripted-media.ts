/**
 * A scripted `MediaAdapter` for the element tests of `<media-stage>` and the
 * room's media wiring: the test says who is there, who speaks, what failed,
 * and the adapter hands out snapshots with REAL `MediaStreamTrack`s (the
 * member's own camera from `getUserMedia`, which wtr's Chromium serves from
 * its fake devices; remote pictures from a canvas's `captureStream`; remote
 * sound from Web Audio). Nothing here is a network: the real adapters (mesh,
 * Janus, LiveKit) are tested in real WebRTC by the conformance suite under
 * test/media. This one stands for them only where the elements are the
 * subject, the way the element tests use `LocalMeetingStore` for the server.
 */
import type {
  MediaAdapter,
  MediaError,
  MediaErrorCode,
  MediaJoin,
  MediaParticipantInfo,
  MediaSnapshot,
  MicrophoneRule,
  RemoteMedia,
} from '../../../src/core/index.js';

type Snapshot = MediaSnapshot<MediaStreamTrack>;
type Remote = RemoteMedia<MediaStreamTrack>;

/** Every track made here, stopped by `stopAllTracks` after each test. */
const made: MediaStreamTrack[] = [];
const contexts: AudioContext[] = [];

/** A remote participant's picture: a small canvas painted one colour, captured at 5 frames a second. */
export function pictureTrack(colour: string): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 120;
  const paint = canvas.getContext('2d')!;
  paint.fillStyle = colour;
  paint.fillRect(0, 0, canvas.width, canvas.height);
  const track = canvas.captureStream(5).getVideoTracks()[0]!;
  made.push(track);
  return track;
}

/** A remote participant's sound: a quiet tone from Web Audio (no microphone is opened, so autoplay rules apply as on a real page). */
export function soundTrack(): MediaStreamTrack {
  const context = new AudioContext();
  contexts.push(context);
  const tone = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = 0.01;
  const out = context.createMediaStreamDestination();
  tone.connect(gain).connect(out);
  tone.start();
  const track = out.stream.getAudioTracks()[0]!;
  made.push(track);
  return track;
}

/** Stops every track and audio context the tests made. */
export function stopAllTracks(): void {
  for (const track of made.splice(0)) track.stop();
  for (const context of contexts.splice(0)) void context.close();
}

/** A remote as a test wants it: on, silent, good connection, unless told otherwise. */
export function remote(participantId: string, parts: Partial<Remote> = {}): Remote {
  return { participantId, microphoneOn: true, cameraOn: true, speaking: false, quality: 'good', ...parts };
}

const INITIAL: Snapshot = {
  status: 'idle',
  local: { microphoneOn: false, cameraOn: false, screenOn: false, audioOnly: false, microphoneLocked: false, speaking: false },
  remotes: [],
};

/** The scripted adapter (see the file's comment). Records every call in `calls`. */
export class ScriptedMedia implements MediaAdapter<MediaStreamTrack> {
  readonly name = 'scripted';
  /** Each call as `method(args)`, in order. */
  readonly calls: string[] = [];
  join?: MediaJoin;
  participants: readonly MediaParticipantInfo[] = [];
  rule?: MicrophoneRule;
  /** The error the next device setter reports instead of switching on. */
  failNext?: MediaErrorCode;
  private snapshot: Snapshot = INITIAL;
  private readonly listeners = new Set<() => void>();

  getSnapshot(): Snapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces part of the snapshot, as the network would. */
  set(parts: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...parts };
    for (const listener of [...this.listeners]) listener();
  }

  /** Replaces part of the member's own media. */
  setLocal(parts: Partial<Snapshot['local']>): void {
    this.set({ local: { ...this.snapshot.local, ...parts } });
  }

  /** Reports an error, as an adapter does: in the snapshot. */
  fail(code: MediaErrorCode): void {
    const error: MediaError = { code, detail: 'scripted' };
    this.set({ error });
  }

  async connect(join: MediaJoin): Promise<void> {
    this.calls.push(`connect(${join.participantId})`);
    this.join = join;
    this.set({ status: 'connected' });
    this.setLocal({ microphoneOn: !join.microphoneOff && !this.snapshot.local.microphoneLocked });
    if (!join.cameraOff) await this.setCamera(true);
  }

  async disconnect(): Promise<void> {
    this.calls.push('disconnect()');
    this.snapshot.local.video?.stop();
    this.set({ status: 'closed', remotes: [], local: { ...INITIAL.local } });
  }

  async setMicrophone(on: boolean): Promise<void> {
    this.calls.push(`setMicrophone(${on})`);
    if (on && this.takeFailure()) return;
    if (on && this.snapshot.local.microphoneLocked) return;
    this.setLocal({ microphoneOn: on });
  }

  async setCamera(on: boolean): Promise<void> {
    this.calls.push(`setCamera(${on})`);
    if (on && this.takeFailure()) return;
    this.snapshot.local.video?.stop();
    let video: MediaStreamTrack | undefined;
    if (on) {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
      video = stream.getVideoTracks()[0]!;
      made.push(video);
    }
    this.setLocal({ cameraOn: on, video });
  }

  async setScreenShare(on: boolean): Promise<void> {
    this.calls.push(`setScreenShare(${on})`);
    this.setLocal({ screenOn: on });
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.calls.push(`setAudioOnly(${on})`);
    this.setLocal({ audioOnly: on });
  }

  async setBandwidthCap(kbps: number | undefined): Promise<void> {
    this.calls.push(`setBandwidthCap(${kbps})`);
    this.setLocal({ maxBitrateKbps: kbps });
  }

  setParticipants(participants: readonly MediaParticipantInfo[]): void {
    this.calls.push('setParticipants()');
    this.participants = participants;
  }

  /** As every adapter must: mute when the floor says so, lock when the member may not unmute. */
  applyMicrophoneRule(rule: MicrophoneRule): void {
    this.calls.push(`applyMicrophoneRule(${rule.forceMute}, ${rule.mayUnmute})`);
    this.rule = rule;
    const local = this.snapshot.local;
    this.setLocal({ microphoneOn: rule.forceMute ? false : local.microphoneOn, microphoneLocked: rule.forceMute && !rule.mayUnmute });
  }

  private takeFailure(): boolean {
    const code = this.failNext;
    if (!code) return false;
    this.failNext = undefined;
    this.fail(code);
    return true;
  }
}
