/**
 * The built-in mesh media adapter (ARCHITECTURE.md "Media adapters"): no media
 * server, an RTCPeerConnection between every two online participants, the
 * signalling relayed by the meeting server. The zero-infrastructure default
 * for a cell of about 8; beyond a few video senders use Janus or LiveKit.
 */
import type { MediaAdapter } from '../../../core/media.js';
import { MeshAdapter, type MeshAdapterOptions } from './mesh-adapter.js';

export { DEFAULT_MAX_VIDEO_SENDERS, MeshAdapter, type MeshAdapterOptions } from './mesh-adapter.js';
export { mediaErrorCode } from '../shared/local-media.js';

/** Creates the mesh adapter (the room element loads it by name: `mesh`). */
export function createMeshAdapter(options: MeshAdapterOptions = {}): MediaAdapter<MediaStreamTrack> & MeshAdapter {
  return new MeshAdapter(options);
}
