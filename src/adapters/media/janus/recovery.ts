/** Why a PeerConnection needs repair: ICE `failed` (restart it), or `closed` under the adapter (build it anew). */
export type LinkBroken = 'failed' | 'closed' | undefined;

/**
 * How long a connection may stay `disconnected` before it is treated as
 * failed and restarted. Chromium reports `failed` only after about 10 s more
 * (measured here: disconnected 7 s after the path went, failed 17 s after);
 * a restart on a path that has come back meanwhile costs one offer.
 */
export const DISCONNECTED_MS = 3_000;

/** What is wrong with `pc`, if anything; `disconnectedAt` is when it last became `disconnected`. */
export function brokenState(pc: RTCPeerConnection | undefined, disconnectedAt: number | undefined): LinkBroken {
  if (!pc) return undefined;
  if (pc.signalingState === 'closed') return 'closed';
  if (pc.connectionState === 'failed') return 'failed';
  if (pc.connectionState === 'disconnected' && disconnectedAt !== undefined && Date.now() - disconnectedAt >= DISCONNECTED_MS) return 'failed';
  return undefined;
}

/** The connection is not carrying media now (down for any time, or broken). */
export function isDown(pc: RTCPeerConnection | undefined): boolean {
  return !!pc && (pc.signalingState === 'closed' || pc.connectionState === 'failed' || pc.connectionState === 'disconnected');
}
