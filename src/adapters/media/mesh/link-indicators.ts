import type { ConnectionQuality } from '../../../core/media.js';
import { levelBetween, linkQuality, receiverEnergy, SPEAKING_HOLD_MS, SPEAKING_LEVEL, type AudioEnergy, type LinkCounters } from '../shared/stats.js';

/** What a mesh link's tile shows of the peer's sound and link: speaking, and the quality from the connection's stats. */
export class LinkIndicators {
  quality: ConnectionQuality = 'unknown';
  speaking = false;
  private counters?: LinkCounters;
  private loudAt = 0;
  private heard?: AudioEnergy;

  /** A new connection: its counters start again. */
  reset(): void {
    this.counters = undefined;
    this.quality = 'unknown';
    this.speaking = false;
    this.heard = undefined;
  }

  /** Samples the level of `receiver` (the peer's audio, while their microphone is on and the link is up) since the last sample; whether the indicator changed. */
  async sampleSpeaking(now: number, receiver: RTCRtpReceiver | undefined): Promise<boolean> {
    let speaking = false;
    if (receiver) {
      const heard = await receiverEnergy(receiver);
      if (levelBetween(this.heard, heard) >= SPEAKING_LEVEL) this.loudAt = now;
      this.heard = heard;
      speaking = now - this.loudAt < SPEAKING_HOLD_MS;
    }
    const changed = speaking !== this.speaking;
    this.speaking = speaking;
    return changed;
  }

  /** The link's quality now: from the stats when connected, `lost` while it is being restarted, else unknown. */
  async read(pc: RTCPeerConnection, connected: boolean, recovering: boolean): Promise<ConnectionQuality> {
    if (!connected) return recovering ? 'lost' : 'unknown';
    const reading = linkQuality(await pc.getStats(), this.counters);
    this.counters = reading.counters;
    return reading.quality;
  }

  /** Shows a quality read by `read`; whether it changed. */
  show(quality: ConnectionQuality): boolean {
    if (quality === this.quality) return false;
    this.quality = quality;
    return true;
  }
}
