/** Kept for audio out of a member's bandwidth cap: Opus speech at 32 kbit/s with headroom (kbit/s). */
export const AUDIO_KBPS = 40;

/** Video is never capped below this (kbit/s): below it VP8 stops being useful. */
export const MIN_VIDEO_KBPS = 30;

/** The port's `setBandwidthCap` argument as a cap: a positive number of kbit/s, or none. */
export function bandwidthCap(kbps: number | undefined): number | undefined {
  return kbps === undefined || !(kbps > 0) ? undefined : kbps;
}

/** What is left of a cap for video once the audio is kept, in kbit/s; undefined when uncapped. */
export function videoKbps(capKbps: number | undefined): number | undefined {
  return capKbps === undefined ? undefined : Math.max(MIN_VIDEO_KBPS, capKbps - AUDIO_KBPS);
}
