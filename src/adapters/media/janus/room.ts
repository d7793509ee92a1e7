import { JanusError, VIDEOROOM_ROOM_EXISTS, type PluginData } from './janus-api.js';
import type { JanusSession } from './janus-session.js';
import type { Publisher } from './publisher.js';

/** The plugin every handle attaches to. */
export const VIDEOROOM = 'janus.plugin.videoroom';
/** VideoRoom error 426: no such room. */
const NO_SUCH_ROOM = 426;

/**
 * A room this adapter creates: up to 100 publishers (a chi bộ meeting with
 * guests and bridge points stays far below), Opus and VP8 (every browser
 * decodes them in software), the audio-level extension for the speaking
 * indicator, and private (not listed to other clients).
 */
export const ROOM_DEFAULTS = { publishers: 100, audiocodec: 'opus', videocodec: 'vp8', audiolevel_ext: true, is_private: true };

/** How to join a meeting's room. */
export interface RoomJoin {
  readonly room: number;
  readonly display: string;
  /** Create the room when Janus says it does not exist. */
  readonly create: boolean;
  /** More `create` settings (VideoRoom `create`). */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly description: string;
}

/**
 * Joins the room as a publisher, creating it first when it is missing and
 * that is allowed: `join` first (one round trip when the room exists, as it
 * does for everyone but the first), then `create` and `join` again.
 */
export async function joinRoom(main: Publisher, how: RoomJoin): Promise<PluginData> {
  try {
    return await main.join(how.room, how.display);
  } catch (error) {
    if (!(error instanceof JanusError) || error.code !== NO_SUCH_ROOM || !how.create) throw error;
  }
  try {
    await main.handle.message({ request: 'create', ...ROOM_DEFAULTS, ...how.settings, room: how.room, description: how.description.slice(0, 100) });
  } catch (error) {
    // Another member created it a moment before: fine.
    if (!(error instanceof JanusError) || error.code !== VIDEOROOM_ROOM_EXISTS) throw error;
  }
  return main.join(how.room, how.display);
}

/**
 * The room's publishers now, with their streams: a passive join on a handle
 * of its own (a participant that never publishes is not announced to the
 * others), then leave. After a reclaimed session, the events sent while the
 * socket was down are lost; this reads what they would have said.
 */
export async function readPublishers(session: JanusSession, room: number): Promise<unknown> {
  const probe = await session.attach(VIDEOROOM);
  try {
    const { data } = await probe.message({ request: 'join', ptype: 'publisher', room, display: '{"x":1}' });
    return data.publishers;
  } finally {
    await probe.message({ request: 'leave' }).catch(() => {});
    await probe.detach();
  }
}
