import type { ConnectionQuality } from '../../../core/media.js';
import { energyOf, levelBetween, linkQuality, SPEAKING_HOLD_MS, SPEAKING_LEVEL, type AudioEnergy, type LinkCounters } from '../shared/stats.js';

/** One remote participant as the indicators read them: the receivers of their camera feed. */
export interface RemoteSource {
  readonly participantId: string;
  readonly audio?: RTCRtpReceiver;
  /** The mid of their audio in the subscription, to find it in the subscription's stats. */
  readonly audioMid?: string;
  readonly video?: RTCRtpReceiver;
  readonly microphoneOn: boolean;
}

interface Speaking {
  loudAt: number;
  on: boolean;
  /** Audio energy and duration counters at the previous sample. */
  energy?: AudioEnergy;
  /** The last level read, for diagnostics. */
  level: number;
}

/** The energy counters of every received audio of a connection's stats, by mid. */
function energyByMid(report: RTCStatsReport | undefined): Map<string, AudioEnergy> {
  const out = new Map<string, AudioEnergy>();
  for (const stat of report?.values() ?? []) {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio' && typeof stat.mid === 'string' && typeof stat.totalAudioEnergy === 'number') {
      out.set(stat.mid, { energy: stat.totalAudioEnergy, duration: Number(stat.totalSamplesDuration ?? 0) });
    }
  }
  return out;
}

/**
 * The speaking indicator and the connection quality of each remote
 * participant, and this member's own speaking indicator, read from the
 * browser's stats (the thresholds of ../shared/stats.ts).
 *
 * Speaking comes from the energy of the audio received from each participant
 * between two samples (every 250 ms) rather than from the VideoRoom's
 * `talking` events, which need two seconds of packets (`audio_active_packets`
 * = 100) before they say anything. Quality comes from the stats of the
 * participant's receivers on the subscription.
 */
export class Indicators {
  private readonly quality = new Map<string, { quality: ConnectionQuality; counters?: LinkCounters }>();
  private readonly speaking = new Map<string, Speaking>();
  private localLoudAt = 0;
  private localEnergy?: AudioEnergy;
  /** This member is speaking. */
  local = false;

  qualityOf(participantId: string): ConnectionQuality {
    return this.quality.get(participantId)?.quality ?? 'unknown';
  }

  speakingOf(participantId: string): boolean {
    return this.speaking.get(participantId)?.on ?? false;
  }

  /** The last level read of each participant (0 when stale), for diagnostics. */
  describe(): Record<string, number> {
    return Object.fromEntries([...this.speaking].map(([id, s]) => [id, Math.round(s.level * 1000) / 1000]));
  }

  /** Reads every source's quality; `up` when the subscription is connected, `lost` when it is broken. Returns whether any changed. */
  async readQuality(sources: readonly RemoteSource[], up: boolean, lost: boolean): Promise<boolean> {
    let changed = false;
    for (const source of sources) {
      const receivers = [source.audio, source.video].filter((r) => !!r);
      const previous = this.quality.get(source.participantId);
      let quality: ConnectionQuality = lost ? 'lost' : 'unknown';
      let counters = previous?.counters;
      if (receivers.length > 0 && up) {
        const merged = new Map<string, unknown>();
        for (const receiver of receivers) for (const [id, stat] of await receiver.getStats()) merged.set(id, stat);
        const reading = linkQuality(merged as unknown as RTCStatsReport, previous?.counters);
        quality = reading.quality;
        counters = reading.counters;
      }
      if (quality !== previous?.quality) changed = true;
      this.quality.set(source.participantId, { quality, counters });
    }
    return changed;
  }

  /**
   * Samples the levels of every source, from one reading of the
   * subscription's stats (`received`), and of this member's sender (when its
   * microphone is on); returns whether any indicator changed.
   */
  async sampleSpeaking(now: number, sources: readonly RemoteSource[], received: RTCStatsReport | undefined, sender: RTCRtpSender | undefined, microphoneOn: boolean): Promise<boolean> {
    let changed = false;
    const energies = energyByMid(received);
    for (const source of sources) {
      const state = this.speaking.get(source.participantId) ?? { loudAt: 0, on: false, level: 0 };
      let on = false;
      if (source.audioMid !== undefined && source.microphoneOn) {
        const energy = energies.get(source.audioMid);
        state.level = levelBetween(state.energy, energy);
        state.energy = energy;
        if (state.level >= SPEAKING_LEVEL) state.loudAt = now;
        on = now - state.loudAt < SPEAKING_HOLD_MS;
      } else {
        state.energy = undefined;
      }
      if (on !== state.on) changed = true;
      state.on = on;
      this.speaking.set(source.participantId, state);
    }
    const energy = microphoneOn && sender?.track ? energyOf(await sender.getStats(), 'media-source') : undefined;
    if (levelBetween(this.localEnergy, energy) >= SPEAKING_LEVEL) this.localLoudAt = now;
    this.localEnergy = energy;
    const local = microphoneOn && now - this.localLoudAt < SPEAKING_HOLD_MS;
    if (local !== this.local) changed = true;
    this.local = local;
    return changed;
  }
}
