/**
 * What a VideoRoom publisher tells the room about itself through its
 * `display` name, the one field Janus relays to every participant of the
 * room, at join and whenever it changes (`configure` with a new display:
 * the others get `{ videoroom: 'event', id, display }` at once). So the
 * meeting's participant id, the name, and the microphone and camera state
 * travel with Janus's own signalling, and a mute is seen by the others
 * within one message.
 */

/** A publisher's self-description, in its display. */
export interface FeedInfo {
  /** The meeting's participant id. */
  readonly participantId: string;
  readonly name: string;
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  /** The feed is this participant's screen share (a second publisher handle), not their camera and microphone. */
  readonly screen: boolean;
}

/** Compact JSON keys, so a display stays short in Janus's logs and events. */
interface DisplayJson {
  readonly p: string;
  readonly n?: string;
  readonly m?: 0 | 1;
  readonly c?: 0 | 1;
  readonly s?: 1;
}

/** The display of a publisher. */
export function encodeDisplay(info: FeedInfo): string {
  const json: DisplayJson = { p: info.participantId, n: info.name, m: info.microphoneOn ? 1 : 0, c: info.cameraOn ? 1 : 0, ...(info.screen ? { s: 1 } : {}) };
  return JSON.stringify(json);
}

/**
 * Reads a display. One that is not ours (a publisher from another Janus
 * client) becomes a participant of its own, `janus-<feed id>`, named by its
 * display, with everything on.
 */
export function decodeDisplay(display: unknown, feedId: number | string): FeedInfo {
  if (typeof display === 'string' && display.startsWith('{')) {
    try {
      const json = JSON.parse(display) as Partial<DisplayJson>;
      if (typeof json.p === 'string' && json.p) {
        return { participantId: json.p, name: typeof json.n === 'string' ? json.n : json.p, microphoneOn: json.m !== 0, cameraOn: json.c !== 0, screen: json.s === 1 };
      }
    } catch {
      // Not ours: below.
    }
  }
  const name = typeof display === 'string' && display ? display : `Janus ${feedId}`;
  return { participantId: `janus-${feedId}`, name, microphoneOn: true, cameraOn: true, screen: false };
}

/**
 * The VideoRoom room of a meeting: a positive integer below 2^53 (Janus's
 * numeric room ids are 64-bit, JSON numbers must stay exact in JavaScript),
 * the same in every browser for the same meeting id. FNV-1a (64-bit) of the
 * id's UTF-8 bytes, kept to 52 bits, plus one so it is never 0.
 */
export function roomIdFor(meetingId: string): number {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(meetingId)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return Number(hash & 0xfffffffffffffn) + 1;
}
