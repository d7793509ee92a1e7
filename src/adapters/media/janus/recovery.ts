/** Why a PeerConnection needs repair: ICE `failed` (restart it), or `closed` under the adapter (build it anew). */
export type LinkBroken = 'failed' | 'closed' | undefined;

/**
 * How long a connection may stay `disconnected` before it is treated as
 * failed and restarted. Chromium reports `failed` only about 10 s later
 * (measured here: disconnected 7 s after the path went, failed 17 s after);
 * a restart on a path that has come back meanwhile costs one offer.
 */
export const DISCONNECTED_MS = 3_000;
/** A connection still not connected this long after an ICE restart or a rebuild is built anew. */
export const RESTART_GRACE_MS = 4_000;
/** A connection negotiated but never connected this long (an offer or answer lost on the way) is built anew. */
export const STUCK_MS = 10_000;

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

/** A connection the adapter watches: a publisher or the subscription. */
export interface RecoverableLink {
  readonly pc?: RTCPeerConnection;
  readonly connected: boolean;
  readonly broken: LinkBroken;
}

/** What to do with a connection now. */
export type RecoveryStep = 'restart-ice' | 'rebuild' | undefined;

/**
 * The recovery policy of the adapter's connections, checked about once a
 * second: a connection whose ICE failed is restarted; one closed under the
 * adapter, stuck before connecting, or still down `RESTART_GRACE_MS` after
 * the last attempt is built anew (publish again, subscribe again).
 */
export class Recovery<Link extends RecoverableLink> {
  /** When the last attempt on each connection being repaired was made. */
  private readonly attempts = new Map<Link, number>();
  /** Since when each connection has been waiting to connect. */
  private readonly waiting = new Map<Link, number>();

  /** The step to take for `link` now, if any (and remembers it as taken). */
  next(link: Link, now: number): RecoveryStep {
    if (link.connected) {
      this.forget(link);
      return undefined;
    }
    const broken = link.broken ?? (this.stuck(link, now) ? 'closed' : undefined);
    const last = this.attempts.get(link);
    if (broken === 'failed' && last === undefined) {
      this.attempts.set(link, now);
      return 'restart-ice';
    }
    if (broken === 'closed' || (last !== undefined && now - last >= RESTART_GRACE_MS)) {
      this.attempts.set(link, now);
      this.waiting.delete(link);
      return 'rebuild';
    }
    return undefined;
  }

  /** Some connection is being repaired. */
  get active(): boolean {
    return this.attempts.size > 0;
  }

  /** `link` is being repaired and not connected yet. */
  repairing(link: Link): boolean {
    return this.attempts.has(link) && !link.connected;
  }

  /** Connections being repaired. */
  links(): Link[] {
    return [...this.attempts.keys()];
  }

  forget(link: Link): void {
    this.attempts.delete(link);
    this.waiting.delete(link);
  }

  clear(): void {
    this.attempts.clear();
    this.waiting.clear();
  }

  private stuck(link: Link, now: number): boolean {
    if (!link.pc || link.pc.connectionState === 'disconnected') {
      this.waiting.delete(link);
      return false;
    }
    const since = this.waiting.get(link) ?? now;
    this.waiting.set(link, since);
    return now - since >= STUCK_MS;
  }
}
