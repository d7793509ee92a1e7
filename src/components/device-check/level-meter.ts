import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often the level is read: often enough to follow speech, rarely enough to stay cheap on a phone. */
const SAMPLE_MS = 100;
/** Below -60 dBFS the bar is empty; at 0 dBFS it is full. */
const FLOOR_DB = -60;
/** A level above this (about -42 dBFS, quiet speech at arm's length) counts as sound. */
const HEARD_LEVEL = 0.3;
/** How far the bar falls per sample: from full to empty in two seconds. */
const FALL_PER_SAMPLE = 0.05;
/** "Hears you" holds this long after the last sound, so pauses between words do not flip the text. */
const HOLD_MS = 2500;

/**
 * Reads a microphone's level with a Web Audio `AnalyserNode`: `level` (0–1, in
 * steps of 0.05) for a bar, and `heard`, which changes only when sound starts
 * or after a pause, for a screen reader's polite region. The host re-renders
 * only when one of them changed.
 */
export class LevelMeter implements ReactiveController {
  /** The current level, 0–1. */
  level = 0;
  /** Whether the microphone heard sound in the last few seconds. */
  heard = false;

  /** The browser holds audio until the member clicks or presses a key: the meter shows nothing until then. */
  get suspended(): boolean {
    return this.context?.state === 'suspended';
  }

  private context?: AudioContext;
  private source?: MediaStreamAudioSourceNode;
  private timer?: ReturnType<typeof setInterval>;
  private lastSound = 0;
  private readonly resume = () => void this.context?.resume();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts reading the stream's microphone, or stops when there is none. */
  listen(stream: MediaStream | undefined): void {
    this.stop();
    if (!stream || stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    this.source = context.createMediaStreamSource(stream);
    this.source.connect(analyser);
    this.context = context;
    context.addEventListener('statechange', () => this.host.requestUpdate());
    const samples = new Float32Array(analyser.fftSize);
    this.timer = setInterval(() => this.sample(analyser, samples), SAMPLE_MS);
    // Without a click or key press first, browsers start audio suspended; the next one resumes it.
    if (context.state === 'suspended') {
      addEventListener('pointerdown', this.resume, { capture: true });
      addEventListener('keydown', this.resume, { capture: true });
    }
  }

  /** Resumes a suspended meter; call it from a click. */
  resumeNow(): Promise<void> {
    return this.context?.resume() ?? Promise.resolve();
  }

  /** Stops reading and closes the audio context (the stream itself is the host's to stop). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    removeEventListener('pointerdown', this.resume, { capture: true });
    removeEventListener('keydown', this.resume, { capture: true });
    this.source?.disconnect();
    this.source = undefined;
    void this.context?.close().catch(() => {});
    this.context = undefined;
    if (this.level !== 0 || this.heard) {
      this.level = 0;
      this.heard = false;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  private sample(analyser: AnalyserNode, samples: Float32Array<ArrayBuffer>): void {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    const rms = Math.sqrt(sum / samples.length);
    const db = rms > 0 ? 20 * Math.log10(rms) : FLOOR_DB;
    const measured = Math.round(Math.max(0, Math.min(1, 1 - db / FLOOR_DB)) * 20) / 20;
    // The bar falls back slowly, like a VU meter, so that short sounds stay visible.
    const level = Math.max(measured, Math.round((this.level - FALL_PER_SAMPLE) * 20) / 20, 0);
    const now = performance.now();
    if (measured >= HEARD_LEVEL) this.lastSound = now;
    const heard = measured >= HEARD_LEVEL || (this.heard && now - this.lastSound < HOLD_MS);
    if (level === this.level && heard === this.heard) return;
    this.level = level;
    this.heard = heard;
    this.host.requestUpdate();
  }
}
