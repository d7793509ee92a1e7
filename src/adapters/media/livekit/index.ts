/**
 * The LiveKit media adapter (ARCHITECTURE.md "Media adapters"): LiveKit, the
 * distributed SFU for large or many meetings, with tokens minted by the
 * meeting server (server/livekit.ts) and optional end-to-end encryption.
 * `livekit-client` is an optional peer dependency, loaded by `connect` only:
 * this module imports nothing of it, so a page without livekit-client still
 * builds and fails only when `media="livekit"` is used, with `not-supported`
 * ("LiveKit is not installed"). docs/media-livekit.md says how to run it.
 */
import type { MediaAdapter } from '../../../core/media.js';
import { LivekitAdapter, type LivekitAdapterOptions } from './livekit-adapter.js';

export { LivekitAdapter, LIVEKIT_TOKEN_PATH, type LivekitAdapterOptions, type TileSize } from './livekit-adapter.js';

/** Creates the LiveKit adapter (the room element loads it by name: `livekit`). */
export function createLivekitAdapter(options: LivekitAdapterOptions): MediaAdapter<MediaStreamTrack> & LivekitAdapter {
  return new LivekitAdapter(options);
}
