/**
 * The LiveKit adapter as a page built with a bundler uses it: its own code
 * hands the adapter a loader, `() => import('livekit-client')`, so the bundler
 * (esbuild here, in testbed.ts) makes livekit-client part of the page. The
 * conformance suite (adapters.ts) and livekit.test.ts bundle this module.
 */
import { createLivekitAdapter as createAdapter, type LivekitAdapter, type LivekitAdapterOptions } from '../../../src/adapters/media/livekit/index.js';
import type { MediaAdapter } from '../../../src/core/media.js';

/** `createLivekitAdapter` with livekit-client bundled in. */
export function createLivekitAdapter(options: LivekitAdapterOptions): MediaAdapter<MediaStreamTrack> & LivekitAdapter {
  return createAdapter({ livekit: () => import('livekit-client'), ...options });
}
