import type { SignalPayload } from '../../../core/media.js';

/**
 * The mesh's messages between two participants' adapters, relayed by the
 * meeting server (`{type:'signal'}`, at most 16 KiB, never recorded).
 *
 * Every message names the sender's link generation (`e`, its epoch) and, once
 * known, the receiver's (`to`): a link that is rebuilt (the peer went offline
 * and came back, or its connection was closed) gets a higher epoch, so a
 * message of an older generation is told apart and dropped, and a newer one
 * makes the receiver rebuild its side too.
 */
export type MeshMessage =
  /** "I have a fresh link with no state: negotiate with me" (sent by the side that does not make the first offer). */
  | { readonly k: 'hello' }
  /** An offer or an answer (perfect negotiation: either side may offer). */
  | { readonly k: 'sdp'; readonly d: RTCSessionDescriptionInit }
  /** One ICE candidate, as soon as it is gathered (full trickle). */
  | { readonly k: 'ice'; readonly c: RTCIceCandidateInit }
  /** What the sender's microphone, camera and screen do now, so tiles show mute within a second. */
  | { readonly k: 'state'; readonly s: PeerMediaState };

/** A peer's media as it announces it. */
export interface PeerMediaState {
  readonly mic: boolean;
  readonly cam: boolean;
  /** The camera's video is actually sent (camera on, within the sender limit, not audio-only). */
  readonly video: boolean;
  readonly screen: boolean;
  /** Audio-only: the peer neither sends nor receives video, so it takes no video sender's place. */
  readonly ao: boolean;
}

/** A message with its link generations. */
export interface MeshEnvelope {
  readonly e: number;
  readonly to?: number;
  readonly m: MeshMessage;
}

/** Marks the payloads of this adapter among whatever else might be relayed. */
const TAG = 'mesh1';

/** Wraps a message for `MediaSignalling.signal`. */
export function encodeSignal(envelope: MeshEnvelope): SignalPayload {
  return { p: TAG, e: envelope.e, ...(envelope.to === undefined ? {} : { to: envelope.to }), m: envelope.m };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEpoch = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const optionalString = (value: unknown) => value === undefined || value === null || typeof value === 'string';

function parseMessage(m: unknown): MeshMessage | undefined {
  if (!isObject(m)) return undefined;
  switch (m.k) {
    case 'hello':
      return { k: 'hello' };
    case 'sdp': {
      const d = m.d;
      if (!isObject(d) || (d.type !== 'offer' && d.type !== 'answer') || typeof d.sdp !== 'string') return undefined;
      return { k: 'sdp', d: { type: d.type, sdp: d.sdp } };
    }
    case 'ice': {
      const c = m.c;
      if (!isObject(c) || typeof c.candidate !== 'string' || !optionalString(c.sdpMid) || !optionalString(c.usernameFragment)) return undefined;
      const index = c.sdpMLineIndex;
      if (index !== undefined && index !== null && !(typeof index === 'number' && Number.isInteger(index) && index >= 0)) return undefined;
      return { k: 'ice', c: { candidate: c.candidate, sdpMid: c.sdpMid as string | null | undefined, sdpMLineIndex: index as number | null | undefined, usernameFragment: c.usernameFragment as string | null | undefined } };
    }
    case 'state': {
      const s = m.s;
      if (!isObject(s)) return undefined;
      return { k: 'state', s: { mic: s.mic === true, cam: s.cam === true, video: s.video === true, screen: s.screen === true, ao: s.ao === true } };
    }
    default:
      return undefined;
  }
}

/** Reads a relayed payload; `undefined` when it is not a well-formed mesh message (another peer's bug, or a stranger). */
export function decodeSignal(payload: SignalPayload): MeshEnvelope | undefined {
  if (payload.p !== TAG || !isEpoch(payload.e) || (payload.to !== undefined && !isEpoch(payload.to))) return undefined;
  const m = parseMessage(payload.m);
  return m && { e: payload.e, ...(payload.to === undefined ? {} : { to: payload.to as number }), m };
}
