import { canChooseSpeaker } from './media-probe.js';

/** How long the browser may take to start audio before we say it did not play. */
const START_MS = 1500;

/** Two soft tones, like a door chime: the member knows at once it is a test sound. */
const TONES = [
  { hz: 660, at: 0, for: 0.35 },
  { hz: 880, at: 0.4, for: 0.5 },
] as const;

/**
 * Plays a short chime through `speakerId` (with `HTMLMediaElement.setSinkId`
 * where the browser can choose a speaker, else through the default one).
 * Resolves when it has finished; rejects when the browser would not play it
 * (no click first, or the speaker is gone).
 */
export async function playTestSound(speakerId?: string): Promise<void> {
  const context = new AudioContext();
  let audio: HTMLAudioElement | undefined;
  try {
    await Promise.race([context.resume(), new Promise((_, reject) => setTimeout(() => reject(new Error('Audio did not start.')), START_MS))]);
    let output: AudioNode = context.destination;
    if (speakerId && canChooseSpeaker()) {
      const destination = context.createMediaStreamDestination();
      audio = new Audio();
      audio.srcObject = destination.stream;
      await audio.setSinkId(speakerId);
      await audio.play();
      output = destination;
    }
    const start = context.currentTime + 0.05;
    const ended = TONES.map((tone) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = tone.hz;
      gain.gain.setValueAtTime(0, start + tone.at);
      gain.gain.linearRampToValueAtTime(0.4, start + tone.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.001, start + tone.at + tone.for);
      oscillator.connect(gain).connect(output);
      oscillator.start(start + tone.at);
      oscillator.stop(start + tone.at + tone.for);
      return new Promise((resolve) => oscillator.addEventListener('ended', resolve, { once: true }));
    });
    await Promise.all(ended);
  } finally {
    audio?.pause();
    if (audio) audio.srcObject = null;
    await context.close().catch(() => {});
  }
}
