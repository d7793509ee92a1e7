/**
 * The Janus media adapter (ARCHITECTURE.md "Media adapters"): Janus's
 * VideoRoom plugin, the self-hostable SFU, spoken to over its WebSocket JSON
 * API. Each member sends its media once to Janus, which forwards it to the
 * others, so a meeting is not bounded by what one member's device can encode.
 * docs/media-janus.md says how to run Janus for it.
 */
import type { MediaAdapter } from '../../../core/media.js';
import { JanusAdapter, type JanusAdapterOptions } from './janus-adapter.js';

export { JanusAdapter, type JanusAdapterOptions } from './janus-adapter.js';
export { roomIdFor } from './feed-info.js';

/** Creates the Janus adapter (the room element loads it by name: `janus`). */
export function createJanusAdapter(options: JanusAdapterOptions): MediaAdapter<MediaStreamTrack> & JanusAdapter {
  return new JanusAdapter(options);
}
