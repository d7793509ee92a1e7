import type { MediaParticipantInfo } from '../../../core/media.js';
import { AUDIO_KBPS, MIN_VIDEO_KBPS } from '../shared/bitrate.js';
import type { PeerMediaState } from './signals.js';

/**
 * How many participants send camera video at once, by default: 4.
 *
 * Measured here (bench/media-join.ts: Chromium 156, VP8 in software, the
 * 2-core test machine, the codecs' time in the WebRTC stats): a one-way
 * 640x480 20 fps stream keeps the sender's encoder busy ~7–12 % and the
 * receiver's decoder ~2.5 % of a core (about TOOLCHAIN.md's 10 % together); at
 * 320x240 the decoder needs under 1 %. A mesh sender encodes once per peer,
 * whatever this limit: that cost is bounded by sending at half size past
 * `FULL_RESOLUTION_PEERS` peers. This limit bounds the rest, on every device:
 * with 4 senders each member decodes and downloads at most 4 videos (~12 %
 * of a core at 640x480, less when scaled; ~2 Mbit/s), and only 4 devices bear
 * the encoding. A cell of 5 sees everyone; a cell of 8 sees the first 4
 * whose camera is on (see `MeshAdapter` for the order). Where more must be
 * seen, use an SFU (Janus or LiveKit), where each sender encodes once.
 */
export const DEFAULT_MAX_VIDEO_SENDERS = 4;

/**
 * Up to this many peers the camera is sent as captured; beyond, each link
 * sends it at half the width and height. Measured here (bench/media-join.ts,
 * the encoder's time in the WebRTC stats): one more peer keeps the sender's
 * encoder busy ~7–12 % of a core at 640x480 20 fps and ~2–3 % at 320x240,
 * so a sender in a cell of 8 (7 peers) spends ~35 % of a core, not ~70 %.
 */
export const FULL_RESOLUTION_PEERS = 2;

/**
 * Whether this member's camera is among the first `limit` that want to send. The order is
 * `participants`' when it lists this member too (every device then ranks alike); a list without this
 * member (the room's) cannot place it, so then every device ranks by participant id, which all agree on.
 * `peerState` is what each peer last said of its media (undefined: not heard from yet).
 */
export function maySendVideo(
  me: string,
  participants: readonly Pick<MediaParticipantInfo, 'participantId' | 'online'>[],
  peerState: (participantId: string) => PeerMediaState | undefined,
  limit: number,
): boolean {
  const listed = participants.some((p) => p.participantId === me);
  const order = listed
    ? participants
    : [...participants.map((p) => p.participantId), me].sort().map((id) => participants.find((p) => p.participantId === id) ?? { participantId: id, online: true });
  let before = 0;
  for (const p of order) {
    if (p.participantId === me) return before < limit;
    if (!p.online) continue;
    const state = peerState(p.participantId);
    // A peer not heard from yet counts as a sender: better one video too few for a moment than one too many.
    if (!state || (state.cam && !state.ao)) before += 1;
  }
  return before < limit;
}

/**
 * The cap of each video sender on each link, in bit/s: the member's cap is on everything it
 * sends, so each of `links` gets an equal share, less the audio, split between the camera and
 * the screen (`senders`); never below `MIN_VIDEO_KBPS`. Undefined when uncapped.
 */
export function linkVideoBitrate(capKbps: number | undefined, links: number, senders: number): number | undefined {
  if (capKbps === undefined) return undefined;
  const share = capKbps / Math.max(1, links) - AUDIO_KBPS;
  return Math.max(MIN_VIDEO_KBPS, Math.floor(share / Math.max(1, senders))) * 1000;
}

/** How much each link divides the camera's resolution by: past `FULL_RESOLUTION_PEERS` peers, half the width and height (a quarter of the encoding work). */
export function cameraScale(links: number): number {
  return links > FULL_RESOLUTION_PEERS ? 2 : 1;
}
