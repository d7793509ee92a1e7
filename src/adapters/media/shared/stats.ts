import type { ConnectionQuality } from '../../../core/media.js';

/** Packet counters of one link at one moment, to compute loss over the next interval. */
export interface LinkCounters {
  readonly received: number;
  readonly lost: number;
}

/** What one `getStats()` of a link says about its quality. */
export interface LinkQuality {
  readonly quality: ConnectionQuality;
  readonly counters: LinkCounters;
  /** Round-trip time of the selected candidate pair, in seconds, when known. */
  readonly rtt?: number;
  /** Share of packets lost since the previous reading (0–1), when packets were expected. */
  readonly loss?: number;
}

/**
 * Thresholds of the tile's indicator. Round trip: ITU-T G.114 keeps one-way
 * delay under 150 ms for interactive speech (so 300 ms round trip is "good")
 * and calls over 400 ms one-way unacceptable for planning (so over 800 ms round
 * trip is "poor"). Loss: [project choice] Opus with in-band FEC hides up to a
 * few percent; over 10 % speech breaks up.
 */
const GOOD = { rtt: 0.3, loss: 0.02 };
const FAIR = { rtt: 0.8, loss: 0.1 };

interface PairStats {
  readonly currentRoundTripTime?: number;
}

/** The candidate pair in use: the transport's selected pair, or the nominated succeeded one. */
function selectedPair(report: RTCStatsReport): PairStats | undefined {
  let nominated: PairStats | undefined;
  for (const stat of report.values()) {
    if (stat.type === 'transport' && stat.selectedCandidatePairId) {
      const pair = report.get(stat.selectedCandidatePairId) as PairStats | undefined;
      if (pair) return pair;
    }
    if (stat.type === 'candidate-pair' && stat.nominated && stat.state === 'succeeded') nominated ??= stat as PairStats;
  }
  return nominated;
}

/** Reads a link's quality from its stats and the counters of the previous reading. */
export function linkQuality(report: RTCStatsReport, previous: LinkCounters | undefined): LinkQuality {
  let received = 0;
  let lost = 0;
  for (const stat of report.values()) {
    if (stat.type !== 'inbound-rtp') continue;
    received += Number(stat.packetsReceived ?? 0);
    lost += Math.max(0, Number(stat.packetsLost ?? 0));
  }
  const counters = { received, lost };
  const rtt = selectedPair(report)?.currentRoundTripTime;
  const expected = previous ? received - previous.received + (lost - previous.lost) : 0;
  const loss = previous && expected > 0 ? (lost - previous.lost) / expected : undefined;
  if (rtt === undefined && loss === undefined) return { quality: 'unknown', counters };
  const within = (limit: { rtt: number; loss: number }) => (rtt === undefined || rtt <= limit.rtt) && (loss === undefined || loss <= limit.loss);
  const quality: ConnectionQuality = within(GOOD) ? 'good' : within(FAIR) ? 'fair' : 'poor';
  return { quality, counters, rtt, loss };
}

/**
 * Audio level (0–1, linear, as RFC 6464 carries it: 1 is 0 dBov) above which
 * someone counts as speaking. [project choice] Speech near a phone or laptop
 * microphone is louder than −30 dBov (≈ 0.03); room noise is quieter.
 */
export const SPEAKING_LEVEL = 0.03;

/** How long the speaking indicator stays on after the level dropped, so it does not flicker between words. */
export const SPEAKING_HOLD_MS = 600;

/** Cumulative audio energy of a track, as the stats give it (`totalAudioEnergy`, `totalSamplesDuration`). */
export interface AudioEnergy {
  readonly energy: number;
  readonly duration: number;
}

/**
 * The mean level (0–1) between two readings: the square root of the energy
 * per second, as WebRTC statistics (§ "totalAudioEnergy") advise for an
 * average over an interval, so a word between two samples is not missed.
 */
export function levelBetween(previous: AudioEnergy | undefined, current: AudioEnergy | undefined): number {
  if (!previous || !current) return 0;
  const duration = current.duration - previous.duration;
  return duration > 0 ? Math.sqrt(Math.max(0, current.energy - previous.energy) / duration) : 0;
}

/** The cumulative energy of the first audio stat of `type` in a report (`inbound-rtp`: heard; `media-source`: captured). */
export function energyOf(report: RTCStatsReport, type: 'inbound-rtp' | 'media-source'): AudioEnergy | undefined {
  for (const stat of report.values()) {
    if (stat.type === type && stat.kind === 'audio' && typeof stat.totalAudioEnergy === 'number') {
      return { energy: stat.totalAudioEnergy, duration: Number(stat.totalSamplesDuration ?? 0) };
    }
  }
  return undefined;
}

/** The energy a receiver played out so far (remote audio is measured only while it plays, as the room does). */
export async function receiverEnergy(receiver: RTCRtpReceiver): Promise<AudioEnergy | undefined> {
  return energyOf(await receiver.getStats(), 'inbound-rtp');
}

/** The energy a sender's microphone captured so far (`media-source` stats). */
export async function senderEnergy(sender: RTCRtpSender): Promise<AudioEnergy | undefined> {
  return sender.track ? energyOf(await sender.getStats(), 'media-source') : undefined;
}

/**
 * The loudest level among a receiver's sources (`getSynchronizationSources`)
 * and the newest packet time; the caller treats an unchanged time as silence.
 * An instant level (one packet's): `levelBetween` over energies misses no
 * word between samples. Like the energy, it is measured only for remote audio
 * that is played out.
 */
export function receiverLevel(receiver: RTCRtpReceiver): { readonly level: number; readonly timestamp: number } {
  let level = 0;
  let timestamp = 0;
  for (const source of receiver.getSynchronizationSources()) {
    level = Math.max(level, source.audioLevel ?? 0);
    timestamp = Math.max(timestamp, source.timestamp);
  }
  return { level, timestamp };
}

/** The instant level of what a sender captures (`media-source` stats of its track), or 0. */
export async function senderLevel(sender: RTCRtpSender): Promise<number> {
  if (!sender.track) return 0;
  const report = await sender.getStats();
  for (const stat of report.values()) {
    if (stat.type === 'media-source' && stat.kind === 'audio') return Number(stat.audioLevel ?? 0);
  }
  return 0;
}
